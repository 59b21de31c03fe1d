package org.onegrid.ticket.intake.hotline;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code onegrid.intake.hotline.*}: per hotline partner its shared HMAC secret and the URL its status callbacks go
 * to (blank = no callbacks), and how callbacks are retried.
 */
@ConfigurationProperties("onegrid.intake.hotline")
public record HotlineSettings(Map<String, Partner> partners, @DefaultValue Delivery delivery) {

    public HotlineSettings {
        partners = partners == null ? Map.of() : Map.copyOf(partners);
    }

    public record Partner(String secret, String callbackUrl) {
        boolean hasCallback() {
            return callbackUrl != null && !callbackUrl.isBlank();
        }
    }

    public record Delivery(@DefaultValue("1s") Duration initialBackoff, @DefaultValue("10m") Duration maxBackoff,
                           @DefaultValue("8") int maxAttempts, @DefaultValue("10s") Duration timeout,
                           @DefaultValue("30s") Duration lease) {
    }

    public Partner partner(String id) {
        return id == null ? null : partners.get(id);
    }
}
