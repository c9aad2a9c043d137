package dev.volsim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.cli.VolsimCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every complete manifest of the seed chapter (examples/manifests/seed/, copied verbatim from the
 * book) is accepted by {@code volsim validate}, exactly as {@code ./volsim validate FILE} runs it.
 */
class SeedManifestsTest {
  private static final Path SEED = Path.of("manifests", "seed");

  /** Runs {@code volsim validate file} and checks exit 0, "1 object valid" and a silent stderr. */
  private static void assertValid(String name) {
    Path file = SEED.resolve(name);
    assertThat(file).isRegularFile();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = VolsimCli.run(new String[] {"validate", file.toString()}, o, e);
    }
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as("exit code; stderr: %s", stderr).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("1 object valid");
    assertThat(stderr).isEmpty();
  }

  @Test
  void envoyEmptyDirPodIsValid() {
    assertValid("envoy-emptydir-pod.yaml");
  }

  @Test
  void gitRepoPodIsValid() {
    assertValid("gitrepo-pod.yaml");
  }

  @Test
  void filebeatHostPathPodIsValid() {
    assertValid("filebeat-hostpath-pod.yaml");
  }

  @Test
  void redisNfsPodIsValid() {
    assertValid("redis-nfs-pod.yaml");
  }

  @Test
  void theWholeFolderIsValid() throws Exception {
    long files;
    try (var list = Files.list(SEED)) {
      files = list.filter(f -> f.toString().endsWith(".yaml")).count();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = VolsimCli.run(new String[] {"validate", SEED.toString()}, o, e);
    }
    assertThat(code).as("stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo(files + " objects valid");
  }
}
