package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stored events are forever: the JSON of every event type, as it was first written (a golden file per type and
 * revision under {@code src/test/resources/golden-events}), must still read through the application's own upcaster
 * chain and serializer. Golden files are never edited: a changed event gets a new revision and a new file beside the
 * old ones. A new event type without a golden file fails this test, which writes the file to add under
 * {@code target/golden-events-new/}.
 */
class GoldenEventsIT extends IntegrationTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden-events");
    private static final Path NEW = Path.of("target/golden-events-new");
    private static final Pattern FILE = Pattern.compile("(.+)\\.r([^.]+)\\.json");

    @Autowired
    private Configuration axon;

    @Test
    void everyEventTypeHasAGoldenFile() throws IOException {
        Serializer serializer = axon.eventSerializer();
        List<String> missing = new ArrayList<>();
        for (Class<?> type : eventTypes()) {
            try (Stream<Path> files = Files.list(GOLDEN)) {
                if (files.noneMatch(f -> f.getFileName().toString().startsWith(type.getSimpleName() + ".r"))) {
                    Files.createDirectories(NEW);
                    String revision = serializer.typeForClass(type).getRevision();
                    Files.write(NEW.resolve(type.getSimpleName() + ".r" + revision + ".json"),
                            serializer.serialize(EventSamples.of(type), byte[].class).getData());
                    missing.add(type.getName());
                }
            }
        }
        assertThat(missing).as("event types without a golden file; review and copy the files from " + NEW.toAbsolutePath()
                + " to " + GOLDEN).isEmpty();
    }

    @Test
    void everyGoldenFileStillReads() throws IOException {
        Serializer serializer = axon.eventSerializer();
        List<Path> goldenFiles;
        try (Stream<Path> files = Files.list(GOLDEN)) {
            goldenFiles = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(goldenFiles).isNotEmpty();
        for (Path file : goldenFiles) {
            Matcher name = FILE.matcher(file.getFileName().toString());
            assertThat(name.matches()).as(file.toString()).isTrue();
            Class<?> type = eventType(name.group(1));
            String storedRevision = name.group(2);

            // revision 1 was also stored without a revision, before revisions were written
            List<String> storedAs = storedRevision.equals("1") ? Arrays.asList(null, "1") : List.of(storedRevision);
            for (String revision : storedAs) {
                Object read = read(serializer, type, revision, Files.readAllBytes(file));

                assertThat(read).as(file.toString()).isInstanceOf(type);
                if (storedRevision.equals(serializer.typeForClass(type).getRevision())) {
                    assertThat(read).as(file + " reads back as the sample it was written from")
                            .isEqualTo(EventSamples.of(type));
                }
            }
        }
    }

    /** What the event store does with a stored row: upcast it, then deserialize it. */
    private Object read(Serializer serializer, Class<?> type, String revision, byte[] json) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Sample", "agg-1", 0, "evt-1",
                EventSamples.INSTANT, type.getName(), revision, json,
                serializer.serialize(org.axonframework.messaging.MetaData.emptyInstance(), byte[].class).getData());
        List<IntermediateEventRepresentation> upcast = axon.upcasterChain()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(upcast).hasSize(1);
        return serializer.deserialize(upcast.get(0).getData());
    }

    private static List<Class<?>> eventTypes() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.crowdledger.events").stream()
                .filter(JavaClass::isRecord)
                .<Class<?>>map(JavaClass::reflect)
                .toList();
    }

    private static Class<?> eventType(String simpleName) {
        return eventTypes().stream().filter(t -> t.getSimpleName().equals(simpleName)).findFirst()
                .orElseThrow(() -> new AssertionError("A golden file names " + simpleName
                        + ", which is no longer an event type: stored events of it could not be read"));
    }
}
