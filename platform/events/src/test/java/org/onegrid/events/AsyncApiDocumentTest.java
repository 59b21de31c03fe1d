package org.onegrid.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/asyncapi.yaml must describe every event type code can publish (publishing only takes catalogued types):
 * a message named after the type, on the channel of its topic, with a payload naming every field of its record.
 */
class AsyncApiDocumentTest {

    private static Map<String, Object> document;
    private static final Map<String, Map<String, Object>> messagesByName = new HashMap<>();
    private static final Map<String, String> topicByMessageName = new HashMap<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readDocument() throws IOException {
        Path file = Path.of("../../docs/asyncapi.yaml");
        try (Reader reader = Files.newBufferedReader(file)) {
            document = new Yaml().load(reader);
        }
        Map<String, Object> messages = (Map<String, Object>) map(document, "components").get("messages");
        messages.values().forEach(m -> {
            Map<String, Object> message = (Map<String, Object>) m;
            messagesByName.put((String) message.get("name"), message);
        });
        for (Object c : map(document, "channels").values()) {
            Map<String, Object> channel = (Map<String, Object>) c;
            Map<String, Object> channelMessages = (Map<String, Object>) channel.get("messages");
            if (channelMessages == null) {
                continue;
            }
            for (Object ref : channelMessages.values()) {
                Map<String, Object> message = (Map<String, Object>) resolve((Map<String, Object>) ref);
                topicByMessageName.put((String) message.get("name"), (String) channel.get("address"));
            }
        }
    }

    @Test
    void isAsyncApi3() {
        assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
    }

    @Test
    void describesEveryTopic() {
        Set<String> addresses = map(document, "channels").values().stream()
                .map(c -> (String) ((Map<?, ?>) c).get("address"))
                .collect(Collectors.toSet());
        assertThat(addresses).containsAll(Topics.all());
    }

    @TestFactory
    Stream<DynamicTest> describesEveryPublishedEventType() {
        return EventCatalog.all().stream().map(type -> DynamicTest.dynamicTest(type.type(), () -> {
            assertThat(messagesByName).as("a message named %s", type.type()).containsKey(type.type());
            assertThat(topicByMessageName.get(type.type())).as("channel of %s", type.type()).isEqualTo(type.topic());
            Set<String> documented = properties(messagesByName.get(type.type()));
            Set<String> fields = Stream.of(type.payloadClass().getRecordComponents())
                    .map(c -> c.getName()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(documented).as("payload fields of %s", type.type()).containsAll(fields);
        }));
    }

    @Test
    void documentsNoTypeTheCodeDoesNotKnow() {
        assertThat(messagesByName.keySet()).allSatisfy(name -> assertThat(EventCatalog.isKnown(name))
                .as("%s is documented but not in the EventCatalog", name).isTrue());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> properties(Map<String, Object> message) {
        Map<String, Object> payload = resolve((Map<String, Object>) message.get("payload"));
        Map<String, Object> props = (Map<String, Object>) payload.get("properties");
        return props == null ? Set.of() : props.keySet();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> node) {
        Object ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        Map<String, Object> current = document;
        for (String part : List.of(((String) ref).substring(2).split("/"))) {
            current = (Map<String, Object>) current.get(part);
        }
        return resolve(current);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }
}
