package org.onegrid.ticket.intake.hotline;

import java.net.http.HttpClient;

import org.onegrid.ticket.domain.intake.DeliveryBackoff;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(HotlineSettings.class)
class HotlineConfiguration {

    @Bean
    DeliveryBackoff hotlineDeliveryBackoff(HotlineSettings settings) {
        var d = settings.delivery();
        return new DeliveryBackoff(d.initialBackoff(), d.maxBackoff(), d.maxAttempts());
    }

    @Bean
    HttpClient hotlineHttpClient(HotlineSettings settings) {
        return HttpClient.newBuilder().connectTimeout(settings.delivery().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
