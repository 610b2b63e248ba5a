package com.crowdledger.command.account;

/** Sends the e-mail that proves an address. Implemented by infra (SMTP, or .eml files in the embedded default). */
public interface VerificationMail {
    void send(String email, String name, String token);
}
