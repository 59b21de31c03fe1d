package org.onegrid.center;

import org.onegrid.center.domain.ServiceCircle;
import org.onegrid.center.domain.TravelModel;
import org.onegrid.center.store.ActivityStore;
import org.onegrid.center.store.AppealStore;
import org.onegrid.center.store.CenterStore;
import org.onegrid.center.store.VisitStore;
import org.onegrid.center.store.WishStore;
import org.onegrid.platform.kafka.outbox.OutboxCollections;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
public class CenterConfiguration {

    @Bean
    OutboxCollections centerOutboxCollections() {
        return OutboxCollections.of(ActivityStore.COLLECTION, WishStore.WISHES, AppealStore.COLLECTION,
                VisitStore.VISITS, VisitStore.VOLUNTEER_HOURS, CenterStore.COLLECTION);
    }

    @Bean
    TravelModel travelModel(@Value("${onegrid.center.circle.walk-kmh:5.0}") double walkKmh,
                            @Value("${onegrid.center.circle.ride-kmh:15.0}") double rideKmh,
                            @Value("${onegrid.center.circle.detour-factor:1.3}") double detourFactor) {
        return new TravelModel(walkKmh, rideKmh, detourFactor);
    }

    @Bean
    ServiceCircle serviceCircle(TravelModel travelModel) {
        return new ServiceCircle(travelModel);
    }
}
