package com.crowdledger.infra.mail;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Where the verification mail's link lands ({@code GET /verify-email?token=...}): a static page whose button posts
 * the token to {@code POST /v1/auth/verify-email}. A GET never verifies by itself: mail scanners open links too.
 */
@Component
class VerificationPage implements WebMvcConfigurer {
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/verify-email").setViewName("forward:/verify-email.html");
    }
}
