package dev.volsim.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.KindInfo;
import dev.volsim.model.Kinds;
import dev.volsim.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * read(write(x)) == x for seeded random objects of every kind, in YAML and in JSON. A failure
 * prints the seed; {@code -Dvolsim.roundtrip.seed=N} replays from that seed.
 */
class RoundTripPropertyTest {
  private static final int OBJECTS_PER_KIND = 150;

  @TestFactory
  Stream<DynamicTest> everyKindSurvivesYamlAndJsonRoundTrip() {
    long base = Long.getLong("volsim.roundtrip.seed", 20261127L);
    List<DynamicTest> tests = new ArrayList<>();
    for (KindInfo<?> kind : Kinds.all()) {
      tests.add(DynamicTest.dynamicTest(kind.kind(), () -> {
        for (int i = 0; i < OBJECTS_PER_KIND; i++) {
          long seed = base + 7919L * i + kind.kind().hashCode();
          KubeObject x = new RandomObjects(seed, 4).next(kind.type());
          assertRoundTrip(x, ManifestWriter.toYaml(x), seed, "yaml");
          assertRoundTrip(x, ManifestWriter.toPrettyJson(x), seed, "json");
        }
      }));
    }
    return tests.stream();
  }

  private static void assertRoundTrip(KubeObject x, String text, long seed, String format) {
    LoadResult back = ManifestLoader.strict().withoutValidation().parse("roundtrip." + format, text);
    assertThat(back.problems())
        .as("seed %s (-Dvolsim.roundtrip.seed to replay), %s:%n%s", seed, format, text)
        .isEmpty();
    assertThat(back.objects())
        .as("seed %s (-Dvolsim.roundtrip.seed to replay), %s:%n%s", seed, format, text)
        .containsExactly(x);
    assertThat(ManifestWriter.toYaml(back.objects().get(0)))
        .as("writing is canonical (seed %s)", seed)
        .isEqualTo(ManifestWriter.toYaml(x));
  }
}
