package com.crowdledger.command.account;

import com.crowdledger.command.apikey.IssuedApiKey;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Role;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.PublicEndpoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registration and e-mail verification: the routes a newcomer calls before holding any key. */
@RestController
@RequestMapping("/v1/auth")
@PublicEndpoint
class AccountRegistrationController {
    /** A mailbox at a domain name (not an IP literal, not a bare host such as {@code localhost}). */
    static final String EMAIL = "[^@\\s]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}";
    static final String EMAIL_RULE = "must be an e-mail address at a domain name";

    private final AccountRegistration registration;
    private final VerificationMail mail;

    AccountRegistrationController(AccountRegistration registration, VerificationMail mail) {
        this.registration = registration;
        this.mail = mail;
    }

    record RegisterRequest(
            @NotBlank @Email @Pattern(regexp = EMAIL, message = EMAIL_RULE) @Size(max = 254) String email,
            @NotNull @Size(min = 10, max = 128) String password,
            @NotNull Role role,
            @NotBlank @Size(max = 100) String name) {
    }

    record RegisterWithKeyRequest(
            @NotBlank @Email @Pattern(regexp = EMAIL, message = EMAIL_RULE) @Size(max = 254) String email,
            @NotNull @Size(min = 10, max = 128) String password,
            @NotNull Role role,
            @NotBlank @Size(max = 100) String name,
            @Nullable Mode mode) {
    }

    record VerifyEmailRequest(@NotBlank @Size(max = 200) String token) {
    }

    record ResendRequest(
            @NotBlank @Email @Pattern(regexp = EMAIL, message = EMAIL_RULE) @Size(max = 254) String email) {
    }

    record ResendAnswer(String message) {
    }

    record VerifiedAccount(String id, boolean emailVerified) {
    }

    record AccountWithKey(AccountRegistration.RegisteredAccount account, IssuedApiKey apiKey) {
    }

    record Registration(AccountRegistration.RegisteredAccount account) {
    }

    record Verification(VerifiedAccount account) {
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Errors({ErrorCode.CONFLICT, ErrorCode.SERVICE_UNAVAILABLE}) // the address is taken; no argon2 slot free
    Registration register(@Valid @RequestBody RegisterRequest request) {
        AccountRegistration.Registered registered = registration.register(request.email(), request.password(),
                request.role(), request.name(), null);
        mailVerification(registered);
        return new Registration(registered.account());
    }

    @PostMapping("/register/api-key")
    @ResponseStatus(HttpStatus.CREATED)
    @Errors({ErrorCode.CONFLICT, ErrorCode.SERVICE_UNAVAILABLE}) // the address is taken; no argon2 slot free
    AccountWithKey registerWithKey(@Valid @RequestBody RegisterWithKeyRequest request) {
        AccountRegistration.Registered registered = registration.register(request.email(), request.password(),
                request.role(), request.name(), request.mode() == null ? Mode.LIVE : request.mode());
        mailVerification(registered);
        return new AccountWithKey(registered.account(), registered.apiKey());
    }

    @PostMapping("/verify-email")
    @Errors(ErrorCode.CONFLICT) // already verified
    Verification verifyEmail(@Valid @RequestBody VerifyEmailRequest request) {
        return new Verification(new VerifiedAccount(registration.verify(request.token()), true));
    }

    /**
     * Mails a new token to an unverified address. The answer is the same whether or not the address has an
     * account, is verified, or was sent a mail a moment ago: it tells nobody who is registered.
     */
    @PostMapping("/verify-email/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResendAnswer resend(@Valid @RequestBody ResendRequest request) {
        String token = registration.renewVerification(request.email());
        if (token != null) {
            mail.send(AccountRegistration.normalize(request.email()), token);
        }
        return new ResendAnswer("If an unverified account uses this address, a new verification mail is on its way");
    }

    private void mailVerification(AccountRegistration.Registered registered) {
        mail.send(registered.account().email(), registered.verificationToken());
    }
}
