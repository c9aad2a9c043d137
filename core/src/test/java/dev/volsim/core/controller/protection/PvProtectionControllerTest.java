package dev.volsim.core.controller.protection;

import dev.volsim.core.api.DeletionRequests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumePhase;
import dev.volsim.model.core.PersistentVolumeStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PvProtectionControllerTest {
  private TestCluster c;

  @BeforeEach
  void setUp() {
    c = new TestCluster(11);
    new PvProtectionController(c.context).start();
  }

  private PersistentVolume pv(String name) {
    return c.create(PersistentVolume.class, """
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: %s}
        spec:
          capacity: {storage: 1Gi}
          accessModes: [ReadWriteOnce]
          hostPath: {path: /data}
        """.formatted(name));
  }

  private void setPhase(String name, PersistentVolumePhase phase) {
    PersistentVolume cur = c.get(PersistentVolume.class, "", name).orElseThrow();
    c.user.updateStatus(new PersistentVolume(cur.metadata(), cur.spec(), new PersistentVolumeStatus(phase, null, null, null)));
  }

  @Test
  void volumeDeletedWhileBoundStaysUntilReleased() {
    pv("pv-1");
    setPhase("pv-1", PersistentVolumePhase.BOUND);
    c.settle();
    c.delete("PersistentVolume", "", "pv-1");
    c.settle();
    PersistentVolume terminating = c.get(PersistentVolume.class, "", "pv-1").orElseThrow();
    DeletionRequests.assertMarkedBy(c.trace.entries(), terminating, "persistentvolume/pv-1", "kubectl");
    assertThat(terminating.metadata().finalizers()).containsExactly(PvProtectionController.PV_PROTECTION_FINALIZER);

    setPhase("pv-1", PersistentVolumePhase.RELEASED);
    c.settle();
    assertThat(c.get(PersistentVolume.class, "", "pv-1")).isEmpty();
  }

  @Test
  void availableVolumeGoesAtOnce() {
    pv("pv-2");
    setPhase("pv-2", PersistentVolumePhase.AVAILABLE);
    c.settle();
    c.delete("PersistentVolume", "", "pv-2");
    c.settle();
    assertThat(c.get(PersistentVolume.class, "", "pv-2")).isEmpty();
  }
}
