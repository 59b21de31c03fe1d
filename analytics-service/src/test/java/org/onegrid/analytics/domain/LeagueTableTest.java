package org.onegrid.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LeagueTableTest {

    private final LeagueTable.Weights weights = new LeagueTable.Weights(0.3, 0.3, 0.3, 0.1);

    @Test
    void ranksByTheWeightedScore() {
        TicketFigures strong = figures("95.00", "90.00", "99.00", "2.00");
        TicketFigures weak = figures("80.00", "70.00", "90.00", "10.00");

        List<LeagueTable.Row> table = LeagueTable.rank(Map.of("JY", weak, "TY", strong), weights);

        assertThat(table).extracting(LeagueTable.Row::unit).containsExactly("TY", "JY");
        // 0.3*95 + 0.3*90 + 0.3*99 + 0.1*98 = 28.5 + 27 + 29.7 + 9.8 = 95.0
        assertThat(table.get(0).score()).isEqualByComparingTo("95.00");
        assertThat(table.get(1).rank()).isEqualTo(2);
    }

    @Test
    void weightsMustAddUpToOne() {
        assertThatThrownBy(() -> new LeagueTable.Weights(0.5, 0.5, 0.5, 0.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static TicketFigures figures(String completion, String onTime, String satisfaction, String reopen) {
        return new TicketFigures(100, 100, 95, new BigDecimal(completion), 0, null, new BigDecimal(onTime), null, null,
                0, 0, 0, 0, new BigDecimal(satisfaction), 0, new BigDecimal(reopen), 0, 0, null, 0, 0, 0);
    }
}
