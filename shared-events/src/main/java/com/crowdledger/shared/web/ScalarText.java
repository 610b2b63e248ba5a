package com.crowdledger.shared.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field of a request body that also takes a JSON number or flag as its text ({@code "txn_id": 1001} is
 * {@code "1001"}): fields that other systems fill from their own data, such as an advertiser's order ids, whose JSON
 * often carries them as numbers, while the same postback's query form carries them as text. Every other text field
 * takes strings only (422).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ScalarText {
}
