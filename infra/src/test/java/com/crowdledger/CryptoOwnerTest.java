package com.crowdledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Randomness, hashes, MACs and ciphers have one owner, {@code com.crowdledger.shared.crypto}: a feature that needs an
 * id, a token, a fingerprint or a sealed secret calls it, so a weak choice (a plain {@code Random}, a hand-rolled
 * comparison, an unauthenticated cipher mode) cannot creep in one feature at a time.
 */
class CryptoOwnerTest {

    @Test
    void onlyTheCryptoPackageMakesRandomnessHashesAndCiphers() {
        noClasses().that().resideOutsideOfPackage("com.crowdledger.shared.crypto..")
                .should().dependOnClassesThat().belongToAnyOf(SecureRandom.class, MessageDigest.class, Random.class)
                .orShould().dependOnClassesThat().resideInAPackage("javax.crypto..")
                .orShould().callMethod(UUID.class, "randomUUID")
                .because("RandomTokens, Digests, AesGcm and SecretBox are the one place for them")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.crowdledger"));
    }
}
