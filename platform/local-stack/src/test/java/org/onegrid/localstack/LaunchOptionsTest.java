package org.onegrid.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The launcher's options that need no stack to check (the stack itself: {@link LocalStackIT}). */
class LaunchOptionsTest {

    @Test
    void aMongoUriMustBeAConnectionString() {
        assertThat(LaunchOptions.externalMongoUri("mongodb://db1:27017,db2:27017/?replicaSet=rs0"))
                .isEqualTo("mongodb://db1:27017,db2:27017/?replicaSet=rs0");
        assertThat(LaunchOptions.externalMongoUri("mongodb+srv://cluster.example.org")).startsWith("mongodb+srv://");
        assertThatThrownBy(() -> LaunchOptions.externalMongoUri("db1:27017"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--mongo-uri");
    }

    @Test
    void aPasswordInTheMongoUriIsNotPrinted() {
        assertThat(LaunchOptions.withoutPassword("mongodb://bench:s3cret@db1:27017/?authSource=admin"))
                .isEqualTo("mongodb://bench:***@db1:27017/?authSource=admin");
        assertThat(LaunchOptions.withoutPassword("mongodb+srv://bench:s3cret@cluster.example.org"))
                .isEqualTo("mongodb+srv://bench:***@cluster.example.org");
        assertThat(LaunchOptions.withoutPassword("mongodb://db1:27017")).isEqualTo("mongodb://db1:27017");
    }

    @Test
    void extraJvmOptionsAreSplitAtWhiteSpace() {
        assertThat(LaunchOptions.jvmOptions(" -XX:TieredStopAtLevel=4 \t-Xmx1g ")).containsExactly(
                "-XX:TieredStopAtLevel=4", "-Xmx1g");
        assertThat(LaunchOptions.jvmOptions("  ")).isEmpty();
        assertThat(LaunchOptions.jvmOptions(null)).isEmpty();
    }
}
