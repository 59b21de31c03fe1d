package org.onegrid.platform.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.onegrid.events.InvalidEventException;
import org.onegrid.events.Topics;
import org.onegrid.platform.kafka.inbox.EventInbox;
import org.onegrid.platform.kafka.inbox.ProcessedEvents;
import org.onegrid.platform.kafka.outbox.OutboxCollections;
import org.onegrid.platform.kafka.outbox.OutboxRelay;
import org.onegrid.platform.service.ServiceSupportAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one way OneGrid services use Kafka. A service gets, by having this module: idempotent acks=all producers,
 * the topics (and their dead-letter topics) created, retry with exponential backoff then {@code <topic>.DLT},
 * the correlation id of a consumed record in the MDC, an {@link EventFactory}, the {@link ProcessedEvents} guard
 * and, if it declares {@link OutboxCollections}, the {@link OutboxRelay}.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class, after = ServiceSupportAutoConfiguration.class)
public class OnegridKafkaAutoConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer onegridProducerSettings() {
        return factory -> factory.updateConfigs(java.util.Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.LINGER_MS_CONFIG, 5));
    }

    @Bean
    KafkaAdmin.NewTopics onegridTopics(@Value("${onegrid.kafka.partitions:3}") int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.all()) {
            topics.add(TopicBuilder.name(topic).partitions(partitions).replicas(1).build());
            topics.add(TopicBuilder.name(Topics.deadLetter(topic)).partitions(1).replicas(1).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler onegridErrorHandler(KafkaOperations<Object, Object> template,
                                            @Value("${onegrid.kafka.retry.attempts:4}") int attempts,
                                            @Value("${onegrid.kafka.retry.initial-interval:200ms}") Duration initial,
                                            @Value("${onegrid.kafka.retry.max-interval:5s}") Duration max) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        recoverer.setHeadersFunction(DeadLetterReason::headers);
        var backOff = new ExponentialBackOffWithMaxRetries(attempts);
        backOff.setInitialInterval(initial.toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(max.toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        // Retrying a record that can never be read only delays the ones behind it.
        handler.addNotRetryableExceptions(InvalidEventException.class);
        // The service's own database out of reach says nothing about the record: setting records aside one after
        // another for as long as it is down would lose them from the live state. So those wait (with the same capped
        // back-off) until it is back, and the record is applied then, once.
        var untilReachable = new ExponentialBackOff(initial.toMillis(), 2.0);
        untilReachable.setMaxInterval(max.toMillis());
        untilReachable.setMaxElapsedTime(Long.MAX_VALUE);
        untilReachable.setMaxAttempts(Long.MAX_VALUE);
        handler.setBackOffFunction((record, ex) -> DatabaseUnreachable.causes(ex) ? untilReachable : null);
        return handler;
    }

    @Bean
    RecordInterceptor<Object, Object> correlationIdInterceptor() {
        return new CorrelationIdInterceptor();
    }

    @Bean
    @ConditionalOnMissingBean
    EventFactory eventFactory(@Value("${spring.application.name}") String serviceName, Clock clock) {
        return new EventFactory("/onegrid/" + serviceName, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(MongoDatabase database, Clock clock) {
        return new ProcessedEvents(database, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    EventInbox eventInbox(ProcessedEvents processedEvents) {
        return new EventInbox(processedEvents);
    }

    /**
     * The timer is the safety net (a broker that was down, a relay that failed, an instance that died); writes
     * nudge the relay, so a longer interval costs no freshness. A tick scans the outbox collections only when
     * something may be waiting, and otherwise once per sweep interval: by default every tick, as a service whose
     * every write names its aggregate ({@link OutboxRelay#nudge(String, Object)}) can afford to raise it — a scan
     * reads every document on the embedded server.
     */
    @Bean
    @ConditionalOnBean(OutboxCollections.class)
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(MongoDatabase database, ObjectProvider<OutboxCollections> collections,
                            KafkaTemplate<String, String> template,
                            @Value("${onegrid.outbox.poll-interval:1s}") Duration pollInterval,
                            @Value("${onegrid.outbox.sweep-interval:${onegrid.outbox.poll-interval:1s}}")
                            Duration sweepInterval) {
        List<String> names = collections.orderedStream().flatMap(c -> c.names().stream()).distinct().toList();
        return new OutboxRelay(database, names, template, pollInterval, sweepInterval);
    }
}
