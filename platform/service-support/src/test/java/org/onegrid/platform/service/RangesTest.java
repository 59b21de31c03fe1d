package org.onegrid.platform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class RangesTest {

    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);

    @Test
    void aRangeThatEndsBeforeItStartsIsA400NamingItsEnd() {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> Ranges.requireOrdered("createdFrom", NOV_30, "createdTo", NOV_1));

        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(e.getMessage()).isEqualTo("createdTo: must not be before createdFrom");
        assertThat(e.properties().get("errors")).isEqualTo(
                List.of(Map.of("field", "createdTo", "message", "must not be before createdFrom")));
    }

    @Test
    void aRangeOfOneDayOrOpenAtEitherEndIsFine() {
        assertThatCode(() -> {
            Ranges.requireOrdered("from", NOV_1, "to", NOV_1);
            Ranges.requireOrdered("from", NOV_1, "to", NOV_30);
            Ranges.requireOrdered("from", null, "to", NOV_1);
            Ranges.requireOrdered("from", NOV_30, "to", null);
        }).doesNotThrowAnyException();
    }
}
