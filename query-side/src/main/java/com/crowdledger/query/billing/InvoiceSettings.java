package com.crowdledger.query.billing;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code crowdledger.invoices.*}: the seller printed on every invoice (its name and address lines). */
@ConfigurationProperties("crowdledger.invoices")
public record InvoiceSettings(String sellerName, List<String> sellerAddress) {
    public InvoiceSettings {
        sellerName = sellerName == null || sellerName.isBlank() ? "Crowdledger" : sellerName;
        sellerAddress = sellerAddress == null ? List.of() : List.copyOf(sellerAddress);
    }
}
