package org.onegrid.testing;

/** The broker and database an integration test runs against, whichever way they were provided. */
public interface Infrastructure {

    String kafkaBootstrapServers();

    /** A connection string without a database name; each service picks its own database. */
    String mongoUri();

    /** "embedded" (in-process KRaft + mongo-java-server) or "containers" (Testcontainers). */
    String kind();
}
