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
    private final AccountRegistration registration;
    private final VerificationMail mail;

    AccountRegistrationController(AccountRegistration registration, VerificationMail mail) {
        this.registration = registration;
        this.mail = mail;
    }

    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = 10, max = 128) String password,
            @NotNull Role role,
            @NotBlank @Size(max = 100) String name) {
    }

    record RegisterWithKeyRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = 10, max = 128) String password,
            @NotNull Role role,
            @NotBlank @Size(max = 100) String name,
            @Nullable Mode mode) {
    }

    record VerifyEmailRequest(@NotBlank @Size(max = 200) String token) {
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
    @Errors(ErrorCode.CONFLICT) // the e-mail address is taken
    Registration register(@Valid @RequestBody RegisterRequest request) {
        AccountRegistration.Registered registered = registration.register(request.email(), request.password(),
                request.role(), request.name(), null);
        mailVerification(registered);
        return new Registration(registered.account());
    }

    @PostMapping("/register/api-key")
    @ResponseStatus(HttpStatus.CREATED)
    @Errors(ErrorCode.CONFLICT) // the e-mail address is taken
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

    private void mailVerification(AccountRegistration.Registered registered) {
        mail.send(registered.account().email(), registered.account().name(), registered.verificationToken());
    }
}
