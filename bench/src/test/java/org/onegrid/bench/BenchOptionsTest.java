package org.onegrid.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void quickScalesDownAndOptionsOverride() {
        BenchOptions quick = BenchOptions.parse("--quick", "--events", "10_000", "--steps", "50,100");
        assertThat(quick.quick()).isTrue();
        assertThat(quick.events()).isEqualTo(10_000);
        assertThat(quick.steps()).containsExactly(50, 100);
        assertThat(quick.storeTickets()).isEqualTo(50_000);
        BenchOptions full = BenchOptions.parse();
        assertThat(full.events()).isEqualTo(1_000_000);
        assertThat(full.gatewayPort()).isEqualTo(8280);
        assertThat(full.mongoPort()).isEqualTo(27217);
        assertThat(full.kafkaPort()).isEqualTo(9292);
        assertThat(full.mongo()).isEqualTo("memory");
        assertThat(full.launcherHeap()).isEqualTo("10g");
        assertThat(full.eventsPerTicket()).isEqualTo(1);
        assertThat(quick.launcherHeap()).isEqualTo("2g");
        assertThat(BenchOptions.parse("--mongo", "h2").launcherHeap()).isEqualTo("2g");
        assertThat(BenchOptions.parse("--mongo", "memory", "--launcher-heap", "8g").launcherHeap()).isEqualTo("8g");
        assertThat(full.serviceJvmOptions()).contains("-XX:TieredStopAtLevel=4", "-XX:+UseG1GC");
        assertThat(full.warmUpSeconds()).isEqualTo(30);
        assertThat(quick.warmUpSeconds()).isEqualTo(5);
        assertThat(BenchOptions.parse("--service-jvm", "local").serviceJvmOptions()).isEmpty();
        assertThat(BenchOptions.parse("--root", "/checkout").out()).isEqualTo(java.nio.file.Path.of("/checkout/bench/target"));
        assertThat(BenchOptions.parse("--root", "/checkout", "--out", "/tmp/run").out())
                .isEqualTo(java.nio.file.Path.of("/tmp/run"));
        assertThat(full.launcherJvmOptions()).isEmpty();
        assertThat(BenchOptions.parse("--launcher-jvm", " -XX:+UseZGC  -Xss1m").launcherJvmOptions())
                .containsExactly("-XX:+UseZGC", "-Xss1m");
    }

    @Test
    void aMongoUriReplacesTheLaunchersDatabase() {
        BenchOptions own = BenchOptions.parse("--mongo", "memory");
        assertThat(own.launcherDatabaseArgs()).containsExactly("--mongo", "memory");
        assertThat(own.databaseUri()).isEqualTo("mongodb://127.0.0.1:27217");
        BenchOptions external = BenchOptions.parse("--mongo-uri", "mongodb://db1:27017/?replicaSet=rs0");
        assertThat(external.launcherDatabaseArgs()).containsExactly("--mongo-uri", "mongodb://db1:27017/?replicaSet=rs0");
        assertThat(external.databaseUri()).isEqualTo("mongodb://db1:27017/?replicaSet=rs0");
        assertThat(external.mongo()).isEqualTo("external");
        assertThatThrownBy(() -> BenchOptions.parse("--mongo-uri", "mongodb://db1", "--mongo", "h2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("--mongo-uri", "db1:27017"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("--mongo", "external"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRunThatWouldNotFitInTheMachinesMemoryIsRefusedWithWhatToDo() {
        long gb = 1L << 30;
        BenchOptions full = BenchOptions.parse();
        assertThat(full.memoryShortfall(16 * gb)).isEmpty();
        assertThat(full.memoryShortfall(15 * gb)).hasValueSatisfying(why -> assertThat(why)
                .contains("16 GB", "launcher heap 10g", "15.0 GB", "--mongo h2"));
        assertThat(BenchOptions.parse("--launcher-heap", "2048m").memoryShortfall(8 * gb)).isEmpty();
        assertThat(BenchOptions.parse("--launcher-heap", "3072m").memoryShortfall(8 * gb)).isPresent();
    }

    @Test
    void theDevelopersAndTheSystemTestsPortsAreRefused() {
        assertThatThrownBy(() -> BenchOptions.parse("--port-offset", "100")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("--port-offset", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("--phases", "intake,nap")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("--launcher-heap", "lots")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("--service-jvm", "fast")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("--warm-up-seconds", "0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void syntheticTicketsAverageTheRequestedEventsPerTicket() {
        SyntheticTickets t = new SyntheticTickets("x", 3, java.time.Instant.parse("2026-11-23T00:00:00Z"));
        long events = 0;
        for (int i = 0; i < 1000; i++) {
            events += t.stages(i);
        }
        assertThat(events).isBetween(2990L, 3010L);
        assertThat(t.event(4, 3).type()).isEqualTo("onegrid.ticket.resolved.v1");
        assertThat(t.event(4, 3).subject()).isEqualTo(t.id(4));
    }
}
