package dev.volsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.FsException;
import dev.volsim.scenario.expr.FileAccess.View;
import dev.volsim.sim.Simulation;
import org.junit.jupiter.api.Test;

/** {@code mount} and {@code umount} of a backend's file system by an administrator on a node. */
class MountOpsTest {
  @Test
  void anAdministratorMountsABackendsFileSystemAndUnmountsIt() {
    Simulation sim = Simulation.builder().build();
    FileTree gluster = FileTree.create();
    gluster.write("/index.html", "from gluster".getBytes(java.nio.charset.StandardCharsets.UTF_8), Credentials.ROOT);
    sim.world().addSharedFileSystem("glusterfs:kube_vol", gluster);
    var host = sim.kubelet("node-1").orElseThrow().hostNamespace();
    View admin = new View(host, Credentials.ROOT, "node node-1");

    MountOps.mount(admin, "glusterfs:kube_vol", "/mnt/gluster", sim.world(), true);

    assertThat(host.readString("/mnt/gluster/index.html", Credentials.ROOT)).isEqualTo("from gluster");
    assertThat(host.mountAt("/mnt/gluster").orElseThrow().device()).isEqualTo("glusterfs:kube_vol");
    MountOps.umount(admin, "/mnt/gluster", true);
    assertThat(host.exists("/mnt/gluster/index.html", Credentials.ROOT)).isFalse();
  }

  @Test
  void mountingWhatDoesNotExistOrUnmountingWhatIsNotMountedFailsAsBusyboxSays() {
    Simulation sim = Simulation.builder().build();
    var host = sim.kubelet("node-1").orElseThrow().hostNamespace();
    View admin = new View(host, Credentials.ROOT, "node node-1");
    assertThatThrownBy(() -> MountOps.mount(admin, "rbd:rbd/missing", "/mnt/x", sim.world(), true))
        .isInstanceOf(FsException.class)
        .hasMessage("mount: mounting rbd:rbd/missing on /mnt/x failed: No such file or directory");
    assertThatThrownBy(() -> MountOps.umount(admin, "/tmp", true))
        .hasMessage("umount: can't unmount /tmp: Invalid argument");
  }
}
