package org.onegrid.center.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The service checks roles on its commands itself, whatever the gateway let through. */
class CommandAccessTest extends CenterIntegrationTest {

    @Test
    void aResidentCannotRunACentre() {
        Response response = concurrently(List.of(HttpRequest.newBuilder(uri("/centers"))
                .header("Content-Type", "application/json")
                .header("X-OneGrid-Role", "resident").header("X-OneGrid-User", "r-1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build())).get(0);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aCommandWithoutACallerIsRefused() {
        Response response = concurrently(List.of(HttpRequest.newBuilder(uri("/centers/TY-SANYAWAN/appeals"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"路灯坏了\"}")).build())).get(0);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aResidentMayDropAnAppeal() {
        Response response = concurrently(List.of(HttpRequest.newBuilder(uri("/centers/NO-SUCH-CENTRE/appeals"))
                .header("Content-Type", "application/json")
                .header("X-OneGrid-Role", "resident").header("X-OneGrid-User", "r-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"路灯坏了\"}")).build())).get(0);

        assertThat(response.status()).as("past the role check, to the missing centre").isEqualTo(404);
    }
}
