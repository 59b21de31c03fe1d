package org.onegrid.talent;

import com.mongodb.client.MongoDatabase;
import org.onegrid.platform.kafka.EventFactory;
import org.onegrid.platform.kafka.outbox.OutboxCollections;
import org.onegrid.talent.events.TalentEventMapper;
import org.onegrid.talent.store.CryptoProperties;
import org.onegrid.talent.store.LiaisonStore;
import org.onegrid.talent.store.NeedStore;
import org.onegrid.talent.store.PersonalDataCipher;
import org.onegrid.talent.store.ProposalStore;
import org.onegrid.talent.store.ServiceRequestStore;
import org.onegrid.talent.store.TalentStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(CryptoProperties.class)
class TalentConfiguration {

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of(TalentStore.COLLECTION, ServiceRequestStore.COLLECTION, NeedStore.COLLECTION,
                ProposalStore.COLLECTION);
    }

    @Bean
    PersonalDataCipher personalDataCipher(CryptoProperties properties) {
        return new PersonalDataCipher(properties);
    }

    @Bean
    TalentStore talentStore(MongoDatabase db, PersonalDataCipher cipher) {
        return new TalentStore(db, cipher);
    }

    @Bean
    LiaisonStore liaisonStore(MongoDatabase db) {
        return new LiaisonStore(db);
    }

    @Bean
    ServiceRequestStore serviceRequestStore(MongoDatabase db) {
        return new ServiceRequestStore(db);
    }

    @Bean
    NeedStore needStore(MongoDatabase db) {
        return new NeedStore(db);
    }

    @Bean
    ProposalStore proposalStore(MongoDatabase db) {
        return new ProposalStore(db);
    }

    @Bean
    TalentEventMapper talentEventMapper(EventFactory factory) {
        return new TalentEventMapper(factory);
    }
}
