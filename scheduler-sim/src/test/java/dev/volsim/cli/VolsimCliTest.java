package dev.volsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code volsim} command line: its commands, output lines and exit codes (a public contract). */
class VolsimCliTest {
  private static final String CONFIG_MAP = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: %s
      data:
        key: value
      """;

  private static final String UNKNOWN_FIELD = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cfg
        color: blue
      """;

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static String configMap(String name) {
    return CONFIG_MAP.formatted(name);
  }

  private static void assertNoStackTrace(CliRun run) {
    assertThat(run.out() + run.err()).doesNotContain("\tat ").doesNotContain("Exception in thread");
  }

  // ------------------------------------------------------------ help, version, usage errors

  @Test
  void helpListsTheCommands() {
    CliRun run = CliRun.of("--help");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Usage: volsim").contains("validate").contains("demo")
        .contains("Exit codes");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void validateHelpShowsItsOptions() {
    CliRun run = CliRun.of("validate", "--help");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Usage: volsim validate").contains("--lenient").contains("FILE|DIR");
  }

  @Test
  void versionNamesTheProject() {
    CliRun run = CliRun.of("--version");
    assertThat(run.code()).isZero();
    assertThat(run.outLines()).singleElement().asString().startsWith("volsim ");
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = CliRun.of();
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).first().isEqualTo("volsim: missing command");
    assertThat(run.err()).contains("validate").contains("demo");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliRun run = CliRun.of("frobnicate");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).first().asString().startsWith("volsim: Unmatched argument at index 0: 'frobnicate'");
    assertThat(run.errLines()).last().isEqualTo("Try 'volsim --help' for more information.");
    assertThat(run.out()).isEmpty();
    assertNoStackTrace(run);
  }

  @Test
  void unknownOptionIsAUsageError() throws IOException {
    Path file = write("cm.yaml", configMap("cfg"));
    CliRun run = CliRun.of("validate", "--strictest", file.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).first().asString().startsWith("volsim validate: Unknown option: '--strictest'");
    assertThat(run.errLines()).last().isEqualTo("Try 'volsim validate --help' for more information.");
  }

  @Test
  void validateWithoutPathsIsAUsageError() {
    CliRun run = CliRun.of("validate");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required parameter");
  }

  @Test
  void aPathJavaCannotRepresentIsAUsageErrorNotAStackTrace() {
    CliRun run = CliRun.of("validate", "bad\0name.yaml");
    assertThat(run.code()).isEqualTo(2);
    assertNoStackTrace(run);
  }

  @Test
  void anUnexpectedExceptionIsOneLineAndExit3() {
    StringWriter sw = new StringWriter();
    int code = VolsimCli.internalError(new PrintWriter(sw, true), new IllegalStateException("boom\nmore"));
    assertThat(code).isEqualTo(ExitCodes.INTERNAL).isEqualTo(3);
    assertThat(sw.toString()).isEqualTo("volsim: internal error: boom" + System.lineSeparator());
  }

  // ------------------------------------------------------------ validate: exit 0

  @Test
  void oneValidObject() throws IOException {
    Path file = write("cm.yaml", configMap("cfg"));
    CliRun run = CliRun.of("validate", file.toString());
    assertThat(run.code()).isZero();
    assertThat(run.outLines()).containsExactly("1 object valid");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void severalObjectsAreCountedInThePlural() throws IOException {
    Path file = write("cms.yaml", configMap("a") + "---\n" + configMap("b"));
    CliRun run = CliRun.of("validate", file.toString());
    assertThat(run.code()).isZero();
    assertThat(run.outLines()).containsExactly("2 objects valid");
  }

  @Test
  void aFolderIsReadWithItsYamlYmlAndJsonFiles() throws IOException {
    write("a.yaml", configMap("a"));
    write("b.yml", configMap("b"));
    write("c.json", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c\"}}");
    write("notes.txt", "not a manifest: [");
    CliRun run = CliRun.of("validate", dir.toString());
    assertThat(run.code()).isZero();
    assertThat(run.outLines()).containsExactly("3 objects valid");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void filesAndFoldersMix() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    Files.writeString(sub.resolve("x.yaml"), configMap("x"));
    Path file = write("y.yaml", configMap("y"));
    CliRun run = CliRun.of("validate", sub.toString(), file.toString());
    assertThat(run.code()).isZero();
    assertThat(run.outLines()).containsExactly("2 objects valid");
  }

  // ------------------------------------------------------------ validate: exit 1

  @Test
  void anUnknownFieldIsAnErrorWithFileLineAndColumn() throws IOException {
    Path file = write("cm.yaml", UNKNOWN_FIELD);
    CliRun run = CliRun.of("validate", file.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines()).containsExactly(file + ":5:3: unknown field \"metadata.color\"");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void everyErrorIsPrintedOnePerLine() throws IOException {
    Path file = write("cms.yaml", UNKNOWN_FIELD + "---\n" + configMap("ok") + "---\n" + """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: Not_A_Name
        """);
    CliRun run = CliRun.of("validate", file.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines()).hasSize(2);
    assertThat(run.errLines().get(0)).isEqualTo(file + ":5:3: unknown field \"metadata.color\"");
    assertThat(run.errLines().get(1)).startsWith(file + ":17:3: metadata.name: Invalid value: \"Not_A_Name\": ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void malformedYamlIsOneLine() throws IOException {
    Path file = write("bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: [\n");
    CliRun run = CliRun.of("validate", file.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines()).singleElement().asString().startsWith(file + ":").contains(": yaml: ");
    assertNoStackTrace(run);
  }

  @Test
  void anUnknownKindIsAnError() throws IOException {
    Path file = write("foo.yaml", "apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n");
    CliRun run = CliRun.of("validate", file.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines()).containsExactly(file + ":1:1: no matches for kind \"Foo\" in version \"v1\"");
  }

  @Test
  void noObjectsAtAllIsAnErrorAsInKubectl() throws IOException {
    Path file = write("empty.yaml", "");
    CliRun run = CliRun.of("validate", file.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines()).containsExactly("error: no objects passed to validate");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anEmptyFolderHasNoObjects() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    CliRun run = CliRun.of("validate", empty.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines()).containsExactly("error: no objects passed to validate");
  }

  @Test
  void anEmptyFileNextToObjectsIsFine() throws IOException {
    Path empty = write("empty.yaml", "# nothing here\n");
    Path file = write("cm.yaml", configMap("cfg"));
    CliRun run = CliRun.of("validate", empty.toString(), file.toString());
    assertThat(run.code()).isZero();
    assertThat(run.outLines()).containsExactly("1 object valid");
  }

  // ------------------------------------------------------------ validate --lenient

  @Test
  void lenientTurnsUnknownFieldsIntoWarningsOnStderr() throws IOException {
    Path file = write("cm.yaml", UNKNOWN_FIELD);
    CliRun run = CliRun.of("validate", "--lenient", file.toString());
    assertThat(run.code()).isZero();
    assertThat(run.errLines()).containsExactly(file + ":5:3: warning: unknown field \"metadata.color\"");
    assertThat(run.outLines()).containsExactly("1 object valid");
  }

  @Test
  void lenientStillRejectsInvalidObjects() throws IOException {
    Path file = write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Not_A_Name\n");
    CliRun run = CliRun.of("validate", "--lenient", file.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines()).singleElement().asString()
        .startsWith(file + ":4:3: metadata.name: Invalid value: \"Not_A_Name\"");
  }

  // ------------------------------------------------------------ validate: exit 2

  @Test
  void aMissingPathExits2() {
    String missing = dir.resolve("nope.yaml").toString();
    CliRun run = CliRun.of("validate", missing);
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(missing + ":1:1: the path \"" + missing + "\" does not exist");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMissingPathNextToAnInvalidFileStillExits2AndReportsBoth() throws IOException {
    Path file = write("cm.yaml", UNKNOWN_FIELD);
    String missing = dir.resolve("nope.yaml").toString();
    CliRun run = CliRun.of("validate", file.toString(), missing);
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(2);
  }

  @Test
  void anUnreadableFileExits2() throws IOException {
    Path file = write("secret.yaml", configMap("cfg"));
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    } catch (UnsupportedOperationException e) {
      assumeFalse(true, "no POSIX permissions here");
    }
    assumeFalse(Files.isReadable(file), "running as root: every file is readable");
    CliRun run = CliRun.of("validate", file.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().startsWith(file + ":1:1: cannot read file: ");
  }

  // ------------------------------------------------------------ demo

  @Test
  void demoReplaysTheDemoStoriesFromVolsimsHome() {
    String before = System.getProperty("volsim.home");
    // Tests run in the module folder; the stories are in the repository's examples/.
    System.setProperty("volsim.home", java.nio.file.Path.of("..").toAbsolutePath().normalize().toString());
    try {
      CliRun run = CliRun.of("demo");
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out()).contains("== where-a-volume-lives: ")
          .contains("default-scheduler  Successfully assigned default/web to node-1")
          .contains("PASS step")
          // then the chapter's own examples
          .contains("== envoy-emptydir: ", "== filebeat-hostpath: ", "== redis-nfs", "== gitrepo");
      assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
      assertThat(run.outLines()).last().isEqualTo(DemoCommand.MORE_STORIES);
      assertThat(run.err()).isEmpty();
    } finally {
      if (before == null) {
        System.clearProperty("volsim.home");
      } else {
        System.setProperty("volsim.home", before);
      }
    }
  }

  @Test
  void demoWithoutItsStoriesPrintsTheHelpAndSaysWhere() {
    String before = System.getProperty("volsim.home");
    System.setProperty("volsim.home", "/nonexistent-volsim-home");
    try {
      CliRun run = CliRun.of("demo");
      // The module folder has no examples/ of its own, so nothing is found.
      assertThat(run.code()).isZero();
      assertThat(run.out()).contains("Usage: volsim");
      assertThat(run.outLines()).last().isEqualTo(DemoCommand.NOT_FOUND);
    } finally {
      if (before == null) {
        System.clearProperty("volsim.home");
      } else {
        System.setProperty("volsim.home", before);
      }
    }
  }
}
