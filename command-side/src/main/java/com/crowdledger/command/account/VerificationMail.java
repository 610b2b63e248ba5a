package com.crowdledger.command.account;

/**
 * Sends the e-mail that proves an address, after the registration's transaction commits and without making the
 * client wait. Implemented by infra (SMTP, or .eml files in the embedded default).
 */
public interface VerificationMail {
    void send(String email, String token);
}
