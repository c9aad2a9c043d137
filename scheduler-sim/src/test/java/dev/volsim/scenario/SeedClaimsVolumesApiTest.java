package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.core.api.ApiException;
import dev.volsim.describe.Describer;
import dev.volsim.model.core.Pod;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.scenario.ScenarioHarness.Run;
import dev.volsim.sim.Simulation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed claims of the chapter's section 1 and 2 about the volume API (C9 to C13, C16's describe
 * lines): what the API server accepts and refuses, what a container's mount table and
 * {@code kubectl describe} show. Each runs as a scenario through {@code volsim run}.
 */
class SeedClaimsVolumesApiTest {
  @TempDir Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }

  private static final String ENVOY = """
      objects:
      - manifest:
          apiVersion: v1
          kind: Pod
          metadata: {name: volumes-emptydir-demo, namespace: default}
          spec:
            nodeName: node-1
            initContainers:
            - name: config-file-downloader
              image: ikubernetes/admin-box
              volumeMounts: [{name: config-file-store, mountPath: /data}]
            containers:
            - name: envoy
              image: envoyproxy/envoy-alpine:v1.13.1
              volumeMounts: [{name: config-file-store, mountPath: /etc/envoy, readOnly: true}]
            volumes:
            - name: config-file-store
              emptyDir: {medium: Memory, sizeLimit: 16Mi}
      """;

  @Test
  void C16_describeShowsTheMountsAndTheMemoryBackedEmptyDir() {
    assertPassed(runSpec(dir, ENVOY + """
        steps:
        - waitFor: {object: pod/volumes-emptydir-demo, field: status.phase, equals: Running, timeout: 2m}
        - expect:
            describe: pod/volumes-emptydir-demo
            contains:
            - "/data from config-file-store (rw)"
            - "/etc/envoy from config-file-store (ro)"
            - "Type: EmptyDir (a temporary directory that shares a pod's lifetime)"
            - "Medium: Memory"
            - "SizeLimit: 16Mi"
        # The main container sees the Memory-backed volume as a read-only tmpfs.
        - expect: {mounts: {pod: volumes-emptydir-demo, container: envoy}, includes: [{path: /etc/envoy, volume: config-file-store, readOnly: true, fsType: tmpfs}]}
        - exec: {pod: volumes-emptydir-demo, container: envoy, write: /etc/envoy/envoy.yaml, content: x}
          expectError: "Read-only file system"
        """));
  }

  private static String pod(String name, String volumes, String containers) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s}
        spec:
          nodeName: node-1
          volumes: %s
          containers: %s
        """.formatted(name, volumes, containers);
  }

  /** What the API server says when asked to create {@code manifest}; null when it accepts it. */
  private static String rejection(String manifest) {
    LoadResult r = ManifestLoader.strict().withoutValidation().parse("t.yaml", manifest);
    if (!r.errors().isEmpty()) {
      // Two sources in one volume: the decoder refuses it (upstream's validateVolumeSource words it the same).
      return r.errors().toString();
    }
    Simulation sim = Simulation.builder().build();
    try {
      sim.apply(r.objects().get(0));
      return null;
    } catch (ApiException e) {
      return e.getMessage();
    }
  }

  private static String apply(String manifest) {
    StringBuilder b = new StringBuilder("- apply:\n    manifest:\n");
    for (String line : manifest.split("\n")) {
      b.append("      ").append(line).append('\n');
    }
    return b.toString();
  }

  @Test
  void C9_aMountMustNameAVolumeOfThePodAndAContainerMayMountNone() {
    assertThat(rejection(pod("bad", "[{name: data, emptyDir: {}}]",
        "[{name: app, image: busybox, volumeMounts: [{name: x, mountPath: /x}]}]")))
        .contains("spec.containers[0].volumeMounts[0].name: Not found: \"x\"");
    assertPassed(runSpec(dir, "steps:\n"
        + apply(pod("web", "[{name: data, emptyDir: {}}]",
            "[{name: app, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}, {name: side, image: busybox}]"))
        + """
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 2m}
        - expect: {mounts: {pod: web, container: app}, includes: [{path: /data, volume: data, readOnly: false}]}
        - expect: {file: {pod: web, container: side, path: /data}, exists: false}
        - expect: {describe: pod/web, contains: ["/data from data (rw)", "Mounts: <none>"]}
        """));
  }

  @Test
  void C10_aVolumeNameIsAUniqueDnsLabelWithExactlyOneSource() {
    assertThat(rejection(pod("upper", "[{name: Data, emptyDir: {}}]", "[{name: app, image: busybox}]")))
        .contains("spec.volumes[0].name: Invalid value: \"Data\": a lowercase RFC 1123 label must consist of");
    assertThat(rejection(pod("twice", "[{name: data, emptyDir: {}}, {name: data, emptyDir: {}}]",
        "[{name: app, image: busybox}]"))).contains("spec.volumes[1].name: Duplicate value: \"data\"");
    assertThat(rejection(pod("both", "[{name: data, emptyDir: {}, hostPath: {path: /srv}}]",
        "[{name: app, image: busybox}]"))).contains("spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type");
    assertThat(rejection(pod("ok", "[{name: data-1, emptyDir: {}}]", "[{name: app, image: busybox}]"))).isNull();
  }

  @Test
  void C11_readOnlySubPathAndSubPathExprShapeWhatTheContainerSees() {
    assertPassed(runSpec(dir, "steps:\n"
        + apply(pod("web", "[{name: data, emptyDir: {}}]", """
            [{name: writer, image: busybox, volumeMounts: [{name: data, mountPath: /data}]},
             {name: reader, image: busybox, volumeMounts: [{name: data, mountPath: /ro, readOnly: true}]},
             {name: sub, image: busybox, volumeMounts: [{name: data, mountPath: /site, subPath: html}]},
             {name: expr, image: busybox, env: [{name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}],
              volumeMounts: [{name: data, mountPath: /logs, subPathExpr: 'logs/$(POD_NAME)'}]}]"""))
        + """
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: web, container: writer, write: /data/html/index.html, content: hello}
        - expect: {file: {pod: web, container: sub, path: /site/index.html}, content: hello}
        - exec: {pod: web, container: expr, write: /logs/app.log, content: "line\\n"}
        - expect: {file: {pod: web, container: writer, path: /data/logs/web/app.log}, content: "line\\n"}
        - exec: {pod: web, container: reader, write: /ro/x, content: "1"}
          expectError: "Read-only file system"
        - expect: {mounts: {pod: web, container: reader}, includes: [{path: /ro, volume: data, readOnly: true}]}
        - expect: {mounts: {pod: web, container: writer}, includes: [{path: /data, volume: data, readOnly: false}]}
        - expect: {describe: pod/web, contains: ['/site from data (rw,path="html")', "/ro from data (ro)"]}
        """));
  }

  private static final String PROPAGATION = """
      objects:
      - manifest:
          apiVersion: v1
          kind: Pod
          metadata: {name: agent}
          spec:
            nodeName: node-1
            volumes: [{name: shared, hostPath: {path: /mnt/shared, type: DirectoryOrCreate}}]
            containers:
            - name: none
              image: busybox
              volumeMounts: [{name: shared, mountPath: /host}]
            - name: slave
              image: busybox
              volumeMounts: [{name: shared, mountPath: /host, mountPropagation: HostToContainer}]
            - name: shared
              image: busybox
              securityContext: {privileged: true}
              volumeMounts: [{name: shared, mountPath: /host, mountPropagation: Bidirectional}]
      - manifest:
          apiVersion: v1
          kind: Pod
          metadata: {name: other}
          spec:
            nodeName: node-1
            volumes: [{name: shared, hostPath: {path: /mnt/shared}}]
            containers:
            - name: app
              image: busybox
              volumeMounts: [{name: shared, mountPath: /view, mountPropagation: HostToContainer}]
      """;

  @Test
  void C12_hostToContainerSeesLaterHostMountsAndBidirectionalSharesTheContainersMounts() {
    assertPassed(runSpec(dir, PROPAGATION + """
        steps:
        - waitFor: {object: pod/agent, field: status.phase, equals: Running, timeout: 2m}
        - waitFor: {object: pod/other, field: status.phase, equals: Running, timeout: 2m}
        # The host mounts a directory under the volume after the containers started.
        - admin: {node: node-1, mkdir: /srv}
        - admin: {node: node-1, mkdir: /srv/export}
        - admin: {node: node-1, write: /srv/export/report.txt, content: from-host}
        - admin: {node: node-1, mount: {source: /srv/export, target: /mnt/shared/export}}
        - expect: {file: {pod: agent, container: none, path: /host/export/report.txt}, exists: false}
        - expect: {file: {pod: agent, container: slave, path: /host/export/report.txt}, content: from-host}
        - expect: {file: {pod: agent, container: shared, path: /host/export/report.txt}, content: from-host}
        # A privileged container mounts under its Bidirectional volume: the host and every
        # container seeing the volume with propagation see it; the None container does not.
        - exec: {pod: agent, container: shared, mkdir: /tmp/scratch}
        - exec: {pod: agent, container: shared, write: /tmp/scratch/made-inside, content: "1"}
        - exec: {pod: agent, container: shared, mount: {source: /tmp/scratch, target: /host/inner}}
        - expect: {file: {node: node-1, path: /mnt/shared/inner/made-inside}, content: "1"}
        - expect: {file: {pod: agent, container: slave, path: /host/inner/made-inside}, content: "1"}
        - expect: {file: {pod: other, container: app, path: /view/inner/made-inside}, content: "1"}
        - expect: {file: {pod: agent, container: none, path: /host/inner/made-inside}, exists: false}
        - expect: {mounts: {pod: agent, container: shared}, includes: [{path: /host, volume: shared}, {path: /host/inner}]}
        # Mounting needs CAP_SYS_ADMIN: a container that is not privileged cannot.
        - exec: {pod: agent, container: slave, mount: {source: /tmp, target: /host/x}}
          expectError: "mount: permission denied"
        - exec: {pod: agent, container: shared, umount: /host/inner}
        - expect: {file: {node: node-1, path: /mnt/shared/inner/made-inside}, exists: false}
        """));
  }

  @Test
  void C12_bidirectionalPropagationIsForPrivilegedContainersOnly() {
    String mount = "volumeMounts: [{name: shared, mountPath: /host, mountPropagation: Bidirectional}]";
    assertThat(rejection(pod("p", "[{name: shared, hostPath: {path: /mnt/shared}}]",
        "[{name: app, image: busybox, " + mount + "}]")))
        .contains("spec.containers[0].volumeMounts.mountPropagation: Forbidden: Bidirectional mount propagation"
            + " is available only to privileged containers");
    assertThat(rejection(pod("q", "[{name: shared, hostPath: {path: /mnt/shared}}]",
        "[{name: app, image: busybox, securityContext: {privileged: true}, " + mount + "}]"))).isNull();
  }

  /** Every source type the chapter lists, each with the fields its validation asks for, and the Type line kubectl shows. */
  private static final String[][] SOURCES = {
      {"emptyDir: {}", "Type: EmptyDir (a temporary directory that shares a pod's lifetime)"},
      {"hostPath: {path: /var/log}", "Type: HostPath (bare host directory volume)"},
      {"awsElasticBlockStore: {volumeID: vol-0abc}", "Type: AWSElasticBlockStore (a Persistent Disk resource in AWS)"},
      {"gcePersistentDisk: {pdName: disk-1}",
          "Type: GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)"},
      {"azureDisk: {diskName: d1, diskURI: 'https://example.blob.core.windows.net/vhds/d1.vhd'}",
          "Type: AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)"},
      {"azureFile: {secretName: az, shareName: share}",
          "Type: AzureFile (an Azure File Service mount on the host and bind mount to the pod)"},
      {"nfs: {server: 10.0.0.50, path: /data/redis}", "Type: NFS (an NFS mount that lasts the lifetime of a pod)"},
      {"glusterfs: {endpoints: glusterfs-cluster, path: kube_vol}",
          "Type: Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)"},
      {"cephfs: {monitors: ['10.0.0.70:6789'], path: /}",
          "Type: CephFS (a CephFS mount on the host that shares a pod's lifetime)"},
      {"cinder: {volumeID: c-1}", "Type: Cinder (a Persistent Disk resource in OpenStack)"},
      {"iscsi: {targetPortal: '10.0.0.60:3260', iqn: 'iqn.2024-01.com.example:storage', lun: 0}",
          "Type: ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)"},
      {"fc: {targetWWNs: ['500a0982991b8dc5'], lun: 2}", "Type: FC (a Fibre Channel disk)"},
      {"rbd: {monitors: ['10.0.0.70:6789'], image: foo}",
          "Type: RBD (a Rados Block Device mount on the host that shares a pod's lifetime)"},
      {"vsphereVolume: {volumePath: '[datastore1] volumes/myDisk'}",
          "Type: vSphereVolume (a Persistent Disk resource in vSphere)"},
      {"quobyte: {registry: 'registry:7861', volume: testVolume}",
          "Type: Quobyte (a Quobyte mount on the host that shares a pod's lifetime)"},
      {"portworxVolume: {volumeID: pxvol}", "Type: PortworxVolume (a Portworx Volume resource)"},
      {"storageos: {volumeName: redis-vol01}", "Type: StorageOS (a StorageOS Persistent Disk resource)"},
      {"scaleIO: {gateway: 'https://localhost:443/api', system: scaleio, secretRef: {name: sio}, volumeName: v0}",
          "Type: ScaleIO (a persistent volume backed by a block device in ScaleIO)"},
      {"secret: {secretName: tls}", "Type: Secret (a volume populated by a Secret)"},
      {"configMap: {name: conf}", "Type: ConfigMap (a volume populated by a ConfigMap)"},
      {"downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}",
          "Type: DownwardAPI (a volume populated by information about the pod)"},
      {"projected: {sources: [{configMap: {name: conf}}]}",
          "Type: Projected (a volume that contains injected data from multiple sources)"},
      {"csi: {driver: disk.csi.volsim.dev}", "Type: CSI (a Container Storage Interface (CSI) volume source)"},
      {"flexVolume: {driver: 'example.com/lvm'}",
          "Type: FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)"},
      {"persistentVolumeClaim: {claimName: data}",
          "Type: PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)"},
      {"ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}}",
          "Type: EphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)"},
  };

  @Test
  void C13_everySourceTypeOfTheChapterDecodesValidatesAndDescribes() {
    StringBuilder volumes = new StringBuilder("[");
    for (int i = 0; i < SOURCES.length; i++) {
      volumes.append(i == 0 ? "" : ", ").append("{name: v").append(i).append(", ").append(SOURCES[i][0]).append('}');
    }
    String manifest = pod("all-types", volumes.append(']').toString(), "[{name: app, image: busybox}]");
    LoadResult r = ManifestLoader.strict().parse("t.yaml", manifest);
    assertThat(r.errors()).isEmpty();
    Simulation sim = Simulation.builder().build();
    sim.apply(r.objects().get(0));
    String text = new Describer(sim.api()).describe(sim.api().get(Pod.class, "default", "all-types").orElseThrow());
    var lines = text.lines().map(l -> l.strip().replaceAll("\\s+", " ")).toList();
    for (String[] source : SOURCES) {
      assertThat(lines).as(text).contains(source[1]);
    }
    assertThat(lines).contains("Server: 10.0.0.50", "CephMonitors: [10.0.0.70:6789]", "Medium:", "SizeLimit: <unset>");
  }

  @Test
  void kubeletTraceNamesThePersistentVolumeOrThePodSlashVolume() {
    assertPassed(runSpec(dir, """
        objects:
        - manifest:
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data}
            spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              volumes: [{name: html, emptyDir: {}}, {name: store, persistentVolumeClaim: {claimName: data}}]
              containers:
              - {name: app, image: busybox, volumeMounts: [{name: html, mountPath: /html}, {name: store, mountPath: /data}]}
        steps:
        - waitFor: {object: pod/web, field: status.phase, equals: Running, timeout: 3m}
        - expect: {trace: {type: SetUp, pod: web, volume: web/html}, count: 1}
        - expect: {trace: {type: SetUp, pod: web, volume: '${pvc/data.spec.volumeName}'}, count: 1}
        - expect: {trace: {type: SetUp, volume: html}, never: true}
        - expect: {describe: pvc/data, contains: ["Status: Bound", "Used By: web", "Access Modes: RWO"]}
        - expect: {describe: 'pv/${pvc/data.spec.volumeName}', contains: ["Claim: default/data", "Reclaim Policy: Delete"]}
        - expect: {describe: 'node/${pod/web.spec.nodeName}', contains: ["Non-terminated Pods: (1 in total)", "Unschedulable: false"]}
        - expect: {describe: storageclass/standard, contains: ["IsDefaultClass: Yes", "VolumeBindingMode: WaitForFirstConsumer"]}
        - delete: {object: pod/web}
        - waitFor: {absent: pod/web, timeout: 2m}
        - expect: {trace: {type: TearDown, volume: web/html}, count: 1}
        - expect: {trace: {type: TearDown, volume: '${pvc/data.spec.volumeName}'}, count: 1}
        """));
  }

  @Test
  void C13_aSourceWhoseInTreePluginIsGoneIsAcceptedButNeverMounted() {
    // Quobyte's in-tree plugin was removed in Kubernetes 1.25: the API still takes the source, the
    // kubelet finds no plugin for it and the Pod waits in ContainerCreating with FailedMount.
    assertPassed(runSpec(dir, """
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: legacy}
            spec:
              nodeName: node-1
              volumes: [{name: data, quobyte: {registry: 'registry:7861', volume: testVolume}}]
              containers: [{name: app, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}]
        steps:
        - waitFor: {event: {object: pod/legacy, reason: FailedMount, messageContains: "no volume plugin matched"}, timeout: 3m}
        - expect: {object: pod/legacy, field: status.phase, equals: Pending}
        - expect: {describe: pod/legacy, contains: ["Type: Quobyte (a Quobyte mount on the host that shares a pod's lifetime)"]}
        """));
  }
}
