package org.onegrid.bench;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bodies of distinct 12345 cases: a unique case number each, and a different caller phone and content each, so the
 * repeat-caller merge (same phone hash and same content while the earlier ticket is open) never applies and every
 * case makes a new ticket.
 */
final class HotlineCases {

    private static final List<String> CATEGORIES = List.of("CSGL-HJWS", "JTYS-DLSS", "CSGL-ZSRM", "GGSY-GSGD",
            "ZFCX-WYGL", "SCJG-SPAQ");
    private static final List<String> PROBLEMS = List.of("门前积水严重", "路灯不亮", "夜间噪声扰民", "停水", "电梯故障",
            "垃圾未清运");
    private static final AtomicLong CALLERS = new AtomicLong();

    private final String prefix;

    /** {@code prefix}: unique for the run and the load (e.g. "R1a2b-gw-400"). */
    HotlineCases(String prefix) {
        this.prefix = prefix;
    }

    /**
     * A case located by coordinates in Tianya around Jinjiling Road (the README's example point, where the grid
     * register has cells), with the district code as the hotline's fallback.
     */
    String located(long n) {
        double lat = 18.2580 + (n % 41) * 0.0001;
        double lon = 109.4955 + (n % 37) * 0.0001;
        return body(n, String.format(java.util.Locale.ROOT, ",\"lat\":%.5f,\"lon\":%.5f,\"districtCode\":\"TY\"",
                lat, lon));
    }

    /** A case placed by district code only (no coordinates). */
    String inDistrict(long n, String district) {
        return body(n, ",\"districtCode\":\"" + district + "\"");
    }

    private String body(long n, String where) {
        long caller = CALLERS.incrementAndGet();
        return "{\"caseNo\":\"" + prefix + "-" + n + "\",\"receivedAt\":\"" + Instant.now() + "\","
                + "\"callerName\":\"测试" + (caller % 1000) + "\",\"callerPhone\":\"" + (13_000_000_000L + caller * 7919 % 999_999_999L) + "\","
                + "\"content\":\"凤凰路" + (n % 500) + "号" + PROBLEMS.get((int) (n % PROBLEMS.size())) + "（压测 " + prefix + "-" + n + "）\","
                + "\"categoryCode\":\"" + CATEGORIES.get((int) (n % CATEGORIES.size())) + "\","
                + "\"address\":\"三亚市凤凰路" + (n % 500) + "号\"" + where + ",\"urgency\":\"NORMAL\"}";
    }
}
