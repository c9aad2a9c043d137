package dev.volsim.core.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.ClusterWorld.UrlResponse;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileTree;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContainerCommandsTest {
  private final ClusterWorld world = new ClusterWorld(true);
  private FileTree fs;

  @BeforeEach
  void setUp() {
    fs = FileTree.create();
    fs.mkdir("/data", 0755, Credentials.ROOT);
    world.addUrl("https://example.com/envoy.yaml", new UrlResponse(200, "static_resources: {}"));
    world.addUrl("https://example.com/missing", new UrlResponse(404, "<html>gone</html>"));
  }

  private ContainerCommands.Result sh(String script) {
    return ContainerCommands.run(List.of("/bin/sh", "-c"), List.of(script), world, fs, Credentials.ROOT);
  }

  @Test
  void wgetSavesTheBodyOfTheUrl() {
    ContainerCommands.Result r = sh("wget -O /data/envoy.yaml https://example.com/envoy.yaml");
    assertThat(r.exitCode()).isZero();
    assertThat(r.understood()).isTrue();
    assertThat(fs.readString("/data/envoy.yaml", Credentials.ROOT)).isEqualTo("static_resources: {}");
  }

  @Test
  void wgetOfAMissingUrlFailsLikeBusybox() {
    ContainerCommands.Result r = ContainerCommands.run(List.of("wget", "-O", "/data/x", "https://example.com/missing"),
        List.of(), world, fs, Credentials.ROOT);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.exited()).isTrue();
    assertThat(r.message()).isEqualTo("wget: server returned error: HTTP/1.1 404 Not Found");
    assertThat(fs.exists("/data/x", Credentials.ROOT)).isFalse();
  }

  @Test
  void aHostAStrictWorldDoesNotKnowDoesNotResolve() {
    assertThat(sh("wget -O /data/x http://nowhere.example/x").message()).isEqualTo("wget: bad address 'nowhere.example'");
    ContainerCommands.Result r = sh("curl -o /data/x http://nowhere.example/x");
    assertThat(r.exitCode()).isEqualTo(6);
    assertThat(r.message()).isEqualTo("curl: (6) Could not resolve host: nowhere.example");
  }

  @Test
  void curlSavesAnErrorPageUnlessToldToFail() {
    assertThat(sh("curl -o /data/page https://example.com/missing").exitCode()).isZero();
    assertThat(fs.readString("/data/page", Credentials.ROOT)).isEqualTo("<html>gone</html>");
    ContainerCommands.Result r = sh("curl -fsSL -o /data/f https://example.com/missing");
    assertThat(r.exitCode()).isEqualTo(22);
    assertThat(r.message()).isEqualTo("curl: (22) The requested URL returned error: 404");
    assertThat(fs.exists("/data/f", Credentials.ROOT)).isFalse();
  }

  @Test
  void anAndListStopsAtTheFirstFailureAndASemicolonListGoesOn() {
    ContainerCommands.Result r = sh("wget -O /data/a https://example.com/missing && echo ok > /data/ok");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(fs.exists("/data/ok", Credentials.ROOT)).isFalse();
    r = sh("wget -O /data/a https://example.com/missing; echo 'still here' > /data/ok; echo more >> /data/ok");
    assertThat(r.exitCode()).isZero();
    assertThat(fs.readString("/data/ok", Credentials.ROOT)).isEqualTo("still here\nmore\n");
  }

  @Test
  void exitEndsTheScriptWithItsCodeAndUnknownCommandsAreIgnored() {
    ContainerCommands.Result r = sh("sleep 3600; exit 4; echo never > /data/never");
    assertThat(r.exited()).isTrue();
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(fs.exists("/data/never", Credentials.ROOT)).isFalse();
    ContainerCommands.Result other = ContainerCommands.run(List.of("envoy", "-c", "/etc/envoy/envoy.yaml"), List.of(),
        world, fs, Credentials.ROOT);
    assertThat(other.understood()).isFalse();
    assertThat(other.exited()).isFalse();
  }

  @Test
  void aWriteTheFileSystemRefusesFailsTheCommand() {
    fs.chmod("/data", 0555, Credentials.ROOT);
    ContainerCommands.Result r = ContainerCommands.run(List.of("sh", "-c"),
        List.of("wget -O /data/x https://example.com/envoy.yaml"), world, fs, Credentials.of(1000, 1000));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.message()).startsWith("wget: can't open '/data/x': ").contains("Permission denied");
  }
}
