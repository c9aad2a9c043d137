package dev.volsim.core.world;

import static dev.volsim.core.world.FsAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NfsServerTest {
  private static final Credentials ROOT = Credentials.ROOT;
  private static final Credentials REDIS = Credentials.of(777, 777);

  private static NfsExport export(String path, ImmutableList<String> options, int owner, int mode) {
    return new NfsExport(path, ImmutableList.of("10.0.0.0/16", "127.0.0.1"), options, owner, owner, mode,
        ImmutableList.of(FileSpec.file("dump.rdb", "mykey=old")));
  }

  @ParameterizedTest(name = "{0} allows {1}: {2}")
  @CsvSource({
      "10.0.0.0/16, 10.0.255.7, true",
      "10.0.0.0/16, 10.1.0.1, false",
      "10.244.0.0/16, 10.244.3.9, true",
      "127.0.0.1, 127.0.0.1, true",
      "127.0.0.1, 127.0.0.2, false",
      "10.0.0.0/255.255.0.0, 10.0.4.4, true",
      "10.0.0.0/255.255.0.0, 10.9.4.4, false",
      "192.168.1.128/25, 192.168.1.200, true",
      "192.168.1.128/25, 192.168.1.100, false",
      "0.0.0.0/0, 8.8.8.8, true",
      "10.0.0.5/32, 10.0.0.5, true",
      "*, 172.16.0.1, true",
      "10.0.0.0/33, 10.0.0.1, false",
      "10.0.0.0/16, not-an-ip, false",
      "client.example, client.example, true",
  })
  void clientNetworksMatchLikeExportfs(String client, String address, boolean allowed) {
    NfsExport export = NfsExport.of("/e", ImmutableList.of(client), ImmutableList.of("rw"));
    assertThat(export.clientAllowed(address)).isEqualTo(allowed);
  }

  @Test
  void exportsDefaultToReadOnlyRootSquashAndNobody() {
    NfsExport export = NfsExport.of("/e", ImmutableList.of("*"), ImmutableList.of());

    assertThat(export.readOnly()).isTrue();
    assertThat(export.squash()).isEqualTo(NfsExport.Squash.ROOT_SQUASH);
    assertThat(export.anonUid()).isEqualTo(65534);
    assertThat(NfsExport.of("/e", ImmutableList.of("*"), ImmutableList.of("rw")).readOnly()).isFalse();
  }

  @Test
  void rootSquashMapsRootAndGroupZeroToAnonymous() {
    CredentialsMapping mapping = NfsExport.of("/e", ImmutableList.of("*"), ImmutableList.of("rw", "anonuid=99"))
        .mapping();

    assertThat(mapping.map(ROOT.withGroups(0, 10))).isEqualTo(Credentials.of(99, 65534).withGroups(65534, 10));
    assertThat(mapping.map(REDIS)).isEqualTo(REDIS);
  }

  @Test
  void allSquashMapsEveryoneAndNoRootSquashNoone() {
    assertThat(NfsExport.of("/e", ImmutableList.of("*"), ImmutableList.of("all_squash", "anongid=5"))
        .mapping().map(REDIS.withGroups(3))).isEqualTo(Credentials.of(65534, 5));
    assertThat(NfsExport.of("/e", ImmutableList.of("*"), ImmutableList.of("no_root_squash"))
        .mapping().map(ROOT)).isEqualTo(ROOT);
  }

  @Test
  void uid777WritesAnExportOwnedBy777AndTheKeySurvivesRemounting() {
    NfsServer server = NfsServer.create("nfs.ilinux.io", "10.0.0.50",
        ImmutableList.of(export("/data/redis", ImmutableList.of("rw"), 777, 0755)));

    MountNamespace first = MountNamespace.create(FileTree.create());
    first.mount("/data", server.mount("/data/redis", "10.0.0.11"), MountOptions.READ_WRITE);
    assertThat(first.readString("/data/dump.rdb", REDIS)).isEqualTo("mykey=old");
    first.write("/data/appendonly.aof", "SET mykey new", REDIS);

    MountNamespace second = MountNamespace.create(FileTree.create());
    second.mount("/data", server.mount("/data/redis", "10.0.0.12"), MountOptions.READ_WRITE);
    assertThat(second.readString("/data/appendonly.aof", REDIS)).isEqualTo("SET mykey new");
    assertThat(server.disk().stat("/data/redis/appendonly.aof", ROOT).uid()).isEqualTo(777);
    assertThat(second.mountAt("/data")).get().extracting(Mount::device, Mount::fsType)
        .containsExactly("nfs.ilinux.io:/data/redis", "nfs4");
  }

  @Test
  void exportNotWritableByTheUidIsPermissionDenied() {
    NfsServer server = NfsServer.create("nfs", "10.0.0.50",
        ImmutableList.of(export("/data/redis", ImmutableList.of("rw"), 0, 0755)));
    MountNamespace pod = MountNamespace.create(FileTree.create());
    pod.mount("/data", server.mount("/data/redis", "10.0.0.11"), MountOptions.READ_WRITE);

    assertFails(() -> pod.write("/data/dump.rdb", "x", REDIS), Errno.EACCES, "/data/dump.rdb: Permission denied");
  }

  @Test
  void squashedRootIsRefusedAndCreatesFilesAsNobody() {
    NfsServer server = NfsServer.create("nfs", "10.0.0.50", ImmutableList.of(
        export("/root-owned", ImmutableList.of("rw"), 0, 0755),
        export("/open", ImmutableList.of("rw"), 0, 0777),
        export("/trusting", ImmutableList.of("rw", "no_root_squash"), 0, 0755)));
    MountNamespace pod = MountNamespace.create(FileTree.create());
    pod.mount("/a", server.mount("/root-owned", "10.0.0.11"), MountOptions.READ_WRITE);
    pod.mount("/b", server.mount("/open", "10.0.0.11"), MountOptions.READ_WRITE);
    pod.mount("/c", server.mount("/trusting", "10.0.0.11"), MountOptions.READ_WRITE);

    assertFails(() -> pod.write("/a/x", "x", ROOT), Errno.EACCES, "/a/x: Permission denied");
    pod.write("/b/x", "x", ROOT);
    assertThat(server.disk().stat("/open/x", ROOT)).extracting(Stat::uid, Stat::gid).containsExactly(65534, 65534);
    assertFails(() -> pod.chown("/b/x", 0, 0, ROOT), Errno.EPERM, "/b/x: Operation not permitted");
    pod.write("/c/x", "x", ROOT);
    assertThat(server.disk().stat("/trusting/x", ROOT).uid()).isZero();
  }

  @Test
  void readOnlyExportRefusesWritesEvenWhenMountedReadWrite() {
    NfsServer server = NfsServer.create("nfs", "10.0.0.50",
        ImmutableList.of(export("/ro", ImmutableList.of("ro", "no_root_squash"), 0, 0777)));
    MountNamespace pod = MountNamespace.create(FileTree.create());
    pod.mount("/ro", server.mount("/ro", "10.0.0.11"), MountOptions.READ_WRITE);

    assertThat(pod.readString("/ro/dump.rdb", ROOT)).isEqualTo("mykey=old");
    assertFails(() -> pod.write("/ro/x", "x", ROOT), Errno.EROFS, "/ro/x: Read-only file system");
  }

  @Test
  void mountsFailWithMountNfsMessages() {
    NfsServer server = NfsServer.create("nfs.ilinux.io", "10.0.0.50",
        ImmutableList.of(export("/data/redis", ImmutableList.of("rw"), 0, 0755)));

    assertFails(() -> server.mount("/data/redis", "192.168.0.9"), Errno.EACCES,
        "mount.nfs: access denied by server while mounting nfs.ilinux.io:/data/redis");
    assertFails(() -> server.mount("/etc", "10.0.0.11"), Errno.EACCES,
        "mount.nfs: access denied by server while mounting nfs.ilinux.io:/etc");
    assertFails(() -> server.mount("/data/redis/missing", "10.0.0.11"), Errno.ENOENT,
        "mount.nfs: mounting nfs.ilinux.io:/data/redis/missing failed, reason given by server: "
            + "No such file or directory");
    server.disk().mkdir("/data/redis/sub", Credentials.ROOT);
    assertThat(server.mount("/data/redis/sub", "127.0.0.1").subPath()).isEqualTo("/data/redis/sub");
    server.setAvailable(false);
    assertFails(() -> server.mount("/data/redis", "10.0.0.11"), Errno.ETIMEDOUT, "mount.nfs: Connection timed out");
  }

  @Test
  void administratorClearsDataOnTheServerSide() {
    NfsServer server = NfsServer.create("nfs", "10.0.0.50",
        ImmutableList.of(export("/data/redis", ImmutableList.of("rw"), 777, 0755)));

    server.disk().remove("/data/redis/dump.rdb", ROOT);
    assertThat(server.disk().list("/data/redis", ROOT)).isEmpty();
    assertThat(server.disk().stat("/data/redis", ROOT)).extracting(Stat::uid, Stat::modeString)
        .containsExactly(777, "0755");
  }
}
