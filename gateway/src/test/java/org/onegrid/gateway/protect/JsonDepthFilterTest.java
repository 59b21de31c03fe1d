package org.onegrid.gateway.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class JsonDepthFilterTest {

    private static int depth(String json) {
        return JsonDepthFilter.depthOf(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void countsNestingButNotBracketsInsideStrings() {
        assertThat(depth("{\"a\":[1,{\"b\":2}]}")).isEqualTo(3);
        assertThat(depth("{\"text\":\"[[[[{{{{\"}")).isEqualTo(1);
        assertThat(depth("{\"text\":\"quote \\\" then [[[\"}")).isEqualTo(1);
        assertThat(depth("42")).isZero();
    }
}
