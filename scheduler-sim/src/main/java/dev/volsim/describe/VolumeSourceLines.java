package dev.volsim.describe;

import static dev.volsim.describe.DescribeWriter.LEVEL_1;
import static dev.volsim.describe.DescribeWriter.LEVEL_2;
import static dev.volsim.describe.DescribeWriter.LEVEL_3;
import static dev.volsim.describe.GoText.v;

import dev.volsim.model.core.LocalObjectReference;
import dev.volsim.model.volume.*;
import java.util.Map;

/**
 * The lines kubectl prints for each volume source ({@code printEmptyDirVolumeSource} and its
 * siblings in kubectl's pkg/describe/describe.go), word for word, for Pod volumes
 * ({@code describeVolumes}) and PersistentVolume sources.
 */
final class VolumeSourceLines {
  private VolumeSourceLines() {}

  /** {@code describeVolumes}: the Pod's {@code Volumes:} section. */
  static void podVolumes(java.util.List<Volume> volumes, DescribeWriter w) {
    if (volumes == null || volumes.isEmpty()) {
      w.write(0, "Volumes:\t<none>\n");
      return;
    }
    w.write(0, "Volumes:\n");
    for (Volume volume : volumes) {
      w.write(LEVEL_1, "%s:\n", volume.name());
      podSource(volume.source(), w);
    }
  }

  static void podSource(VolumeSource source, DescribeWriter w) {
    if (source instanceof HostPathVolumeSource s) {
      hostPath(s, w);
    } else if (source instanceof EmptyDirVolumeSource s) {
      String sizeLimit = s.sizeLimit() != null && s.sizeLimit().signum() > 0 ? s.sizeLimit().toString() : "<unset>";
      w.write(LEVEL_2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n"
          + "    Medium:\t%s\n    SizeLimit:\t%s\n", v(s.medium()), sizeLimit);
    } else if (source instanceof GCEPersistentDiskVolumeSource s) {
      w.write(LEVEL_2,
          "Type:\tGCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)\n"
          + "    PDName:\t%s\n    FSType:\t%s\n    Partition:\t%s\n    ReadOnly:\t%s\n",
          v(s.pdName()), v(s.fsType()), s.partition(), s.readOnly());
    } else if (source instanceof AWSElasticBlockStoreVolumeSource s) {
      w.write(LEVEL_2,
          "Type:\tAWSElasticBlockStore (a Persistent Disk resource in AWS)\n"
          + "    VolumeID:\t%s\n    FSType:\t%s\n    Partition:\t%s\n    ReadOnly:\t%s\n",
          v(s.volumeID()), v(s.fsType()), s.partition(), s.readOnly());
    } else if (source instanceof GitRepoVolumeSource s) {
      w.write(LEVEL_2,
          "Type:\tGitRepo (a volume that is pulled from git when the pod is created)\n"
          + "    Repository:\t%s\n    Revision:\t%s\n", v(s.repository()), v(s.revision()));
    } else if (source instanceof SecretVolumeSource s) {
      w.write(LEVEL_2, "Type:\tSecret (a volume populated by a Secret)\n"
          + "    SecretName:\t%s\n    Optional:\t%s\n", v(s.secretName()), Boolean.TRUE.equals(s.optional()));
    } else if (source instanceof ConfigMapVolumeSource s) {
      w.write(LEVEL_2, "Type:\tConfigMap (a volume populated by a ConfigMap)\n"
          + "    Name:\t%s\n    Optional:\t%s\n", v(s.name()), Boolean.TRUE.equals(s.optional()));
    } else if (source instanceof NFSVolumeSource s) {
      nfs(s, w);
    } else if (source instanceof ISCSIVolumeSource s) {
      iscsi(s.targetPortal(), s.iqn(), s.lun(), s.iscsiInterface(), s.fsType(),
          s.readOnly(), s.portals(), s.chapAuthDiscovery(), s.chapAuthSession(), local(s.secretRef()),
          s.initiatorName(), w);
    } else if (source instanceof GlusterfsVolumeSource s) {
      w.write(LEVEL_2,
          "Type:\tGlusterfs (a Glusterfs mount on the host that shares a pod's lifetime)\n"
          + "    EndpointsName:\t%s\n    Path:\t%s\n    ReadOnly:\t%s\n", v(s.endpoints()), v(s.path()), s.readOnly());
    } else if (source instanceof PersistentVolumeClaimVolumeSource s) {
      w.write(LEVEL_2,
          "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n"
          + "    ClaimName:\t%s\n    ReadOnly:\t%s\n", v(s.claimName()), s.readOnly());
    } else if (source instanceof EphemeralVolumeSource s) {
      w.write(LEVEL_2, "Type:\tEphemeralVolume (an inline specification for a volume that gets created and"
          + " deleted with the pod)\n");
      if (s.volumeClaimTemplate() != null) {
        StorageDescriptions.claimTemplate(s.volumeClaimTemplate(), w);
      }
    } else if (source instanceof RBDVolumeSource s) {
      rbd(s.monitors(), s.image(), s.fsType(), s.pool(), s.user(), s.keyring(),
          local(s.secretRef()), s.readOnly(), w);
    } else if (source instanceof QuobyteVolumeSource s) {
      quobyte(s, w);
    } else if (source instanceof DownwardAPIVolumeSource s) {
      w.write(LEVEL_2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
      for (DownwardAPIVolumeFile f : s.items()) {
        if (f.fieldRef() != null) {
          w.write(LEVEL_3, "%s -> %s\n", v(f.fieldRef().fieldPath()), v(f.path()));
        }
        if (f.resourceFieldRef() != null) {
          w.write(LEVEL_3, "%s -> %s\n", v(f.resourceFieldRef().resource()), v(f.path()));
        }
      }
    } else if (source instanceof AzureDiskVolumeSource s) {
      azureDisk(s, w);
    } else if (source instanceof VsphereVirtualDiskVolumeSource s) {
      vsphere(s, w);
    } else if (source instanceof CinderVolumeSource s) {
      cinder(s.volumeID(), s.fsType(), s.readOnly(), local(s.secretRef()), w);
    } else if (source instanceof PhotonPersistentDiskVolumeSource s) {
      photon(s, w);
    } else if (source instanceof PortworxVolumeSource s) {
      portworx(s, w);
    } else if (source instanceof ScaleIOVolumeSource s) {
      w.write(LEVEL_2,
          "Type:\tScaleIO (a persistent volume backed by a block device in ScaleIO)\n"
          + "    Gateway:\t%s\n    System:\t%s\n    Protection Domain:\t%s\n    Storage Pool:\t%s\n"
          + "    Storage Mode:\t%s\n    VolumeName:\t%s\n    FSType:\t%s\n    ReadOnly:\t%s\n",
          v(s.gateway()), v(s.system()), v(s.protectionDomain()), v(s.storagePool()), v(s.storageMode()),
          v(s.volumeName()), v(s.fsType()), s.readOnly());
    } else if (source instanceof CephFSVolumeSource s) {
      cephfs(s.monitors(), s.path(), s.user(), s.secretFile(), local(s.secretRef()),
          s.readOnly(), w);
    } else if (source instanceof StorageOSVolumeSource s) {
      storageos(s.volumeName(), s.volumeNamespace(), s.fsType(), s.readOnly(), w);
    } else if (source instanceof FCVolumeSource s) {
      fc(s, w);
    } else if (source instanceof AzureFileVolumeSource s) {
      w.write(LEVEL_2,
          "Type:\tAzureFile (an Azure File Service mount on the host and bind mount to the pod)\n"
          + "    SecretName:\t%s\n    ShareName:\t%s\n    ReadOnly:\t%s\n", v(s.secretName()), v(s.shareName()),
          s.readOnly());
    } else if (source instanceof FlexVolumeSource s) {
      flex(s.driver(), s.fsType(), local(s.secretRef()), s.readOnly(), s.options(), w);
    } else if (source instanceof FlockerVolumeSource s) {
      flocker(s, w);
    } else if (source instanceof ProjectedVolumeSource s) {
      w.write(LEVEL_2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
      for (VolumeProjection p : s.sources()) {
        if (p.secret() != null) {
          w.write(LEVEL_2, "SecretName:\t%s\n    Optional:\t%s\n", v(p.secret().name()),
              Boolean.TRUE.equals(p.secret().optional()));
        } else if (p.downwardAPI() != null) {
          w.write(LEVEL_2, "DownwardAPI:\ttrue\n");
        } else if (p.configMap() != null) {
          w.write(LEVEL_2, "ConfigMapName:\t%s\n    Optional:\t%s\n", v(p.configMap().name()),
              Boolean.TRUE.equals(p.configMap().optional()));
        } else if (p.serviceAccountToken() != null) {
          w.write(LEVEL_2, "TokenExpirationSeconds:\t%s\n", v(p.serviceAccountToken().expirationSeconds()));
        }
      }
    } else if (source instanceof CSIVolumeSource s) {
      w.write(LEVEL_2, "Type:\tCSI (a Container Storage Interface (CSI) volume source)\n"
          + "    Driver:\t%s\n    FSType:\t%s\n    ReadOnly:\t%s\n", v(s.driver()), v(s.fsType()),
          Boolean.TRUE.equals(s.readOnly()));
      attributes(s.volumeAttributes(), w);
    } else if (source instanceof ImageVolumeSource s) {
      w.write(LEVEL_2, "Type:\tImage (a container image or OCI artifact)\n"
          + "    Reference:\t%s\n    PullPolicy:\t%s\n", v(s.reference()), v(s.pullPolicy()));
    }
  }

  /** The {@code Source:} lines of a PersistentVolume ({@code describePersistentVolume}). */
  static void pvSource(PersistentVolumeSource source, DescribeWriter w) {
    if (source == null) {
      w.write(LEVEL_1, "<unknown>\n");
    } else if (source instanceof HostPathVolumeSource s) {
      hostPath(s, w);
    } else if (source instanceof GCEPersistentDiskVolumeSource s) {
      podSource(s, w);
    } else if (source instanceof AWSElasticBlockStoreVolumeSource s) {
      podSource(s, w);
    } else if (source instanceof NFSVolumeSource s) {
      nfs(s, w);
    } else if (source instanceof ISCSIPersistentVolumeSource s) {
      iscsi(s.targetPortal(), s.iqn(), s.lun(), s.iscsiInterface(),
          s.fsType(), s.readOnly(), s.portals(), s.chapAuthDiscovery(), s.chapAuthSession(), secret(s.secretRef()),
          s.initiatorName(), w);
    } else if (source instanceof GlusterfsPersistentVolumeSource s) {
      w.write(LEVEL_2,
          "Type:\tGlusterfs (a Glusterfs mount on the host that shares a pod's lifetime)\n"
          + "    EndpointsName:\t%s\n    EndpointsNamespace:\t%s\n    Path:\t%s\n    ReadOnly:\t%s\n",
          v(s.endpoints()), s.endpointsNamespace() == null ? "<unset>" : s.endpointsNamespace(), v(s.path()),
          s.readOnly());
    } else if (source instanceof RBDPersistentVolumeSource s) {
      rbd(s.monitors(), s.image(), s.fsType(), s.pool(), s.user(), s.keyring(),
          secret(s.secretRef()), s.readOnly(), w);
    } else if (source instanceof QuobyteVolumeSource s) {
      quobyte(s, w);
    } else if (source instanceof VsphereVirtualDiskVolumeSource s) {
      vsphere(s, w);
    } else if (source instanceof CinderPersistentVolumeSource s) {
      cinder(s.volumeID(), s.fsType(), s.readOnly(), secret(s.secretRef()), w);
    } else if (source instanceof AzureDiskVolumeSource s) {
      azureDisk(s, w);
    } else if (source instanceof PhotonPersistentDiskVolumeSource s) {
      photon(s, w);
    } else if (source instanceof PortworxVolumeSource s) {
      portworx(s, w);
    } else if (source instanceof ScaleIOPersistentVolumeSource s) {
      w.write(LEVEL_2,
          "Type:\tScaleIO (a persistent volume backed by a block device in ScaleIO)\n"
          + "    Gateway:\t%s\n    System:\t%s\n    Protection Domain:\t%s\n    Storage Pool:\t%s\n"
          + "    Storage Mode:\t%s\n    VolumeName:\t%s\n    SecretName:\t%s\n    SecretNamespace:\t%s\n"
          + "    FSType:\t%s\n    ReadOnly:\t%s\n",
          v(s.gateway()), v(s.system()), v(s.protectionDomain()), v(s.storagePool()), v(s.storageMode()),
          v(s.volumeName()), s.secretRef() == null ? "" : v(s.secretRef().name()),
          s.secretRef() == null ? "" : v(s.secretRef().namespace()), v(s.fsType()), s.readOnly());
    } else if (source instanceof LocalVolumeSource s) {
      w.write(LEVEL_2,
          "Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t%s\n", v(s.path()));
    } else if (source instanceof CephFSPersistentVolumeSource s) {
      cephfs(s.monitors(), s.path(), s.user(), s.secretFile(),
          secret(s.secretRef()), s.readOnly(), w);
    } else if (source instanceof StorageOSPersistentVolumeSource s) {
      storageos(s.volumeName(), s.volumeNamespace(), s.fsType(),
          s.readOnly(), w);
    } else if (source instanceof FCVolumeSource s) {
      fc(s, w);
    } else if (source instanceof AzureFilePersistentVolumeSource s) {
      w.write(LEVEL_2,
          "Type:\tAzureFile (an Azure File Service mount on the host and bind mount to the pod)\n"
          + "    SecretName:\t%s\n    SecretNamespace:\t%s\n    ShareName:\t%s\n    ReadOnly:\t%s\n",
          v(s.secretName()), v(s.secretNamespace()), v(s.shareName()), s.readOnly());
    } else if (source instanceof FlexPersistentVolumeSource s) {
      flex(s.driver(), s.fsType(), secret(s.secretRef()), s.readOnly(),
          s.options(), w);
    } else if (source instanceof FlockerVolumeSource s) {
      flocker(s, w);
    } else if (source instanceof CSIPersistentVolumeSource s) {
      w.write(LEVEL_2, "Type:\tCSI (a Container Storage Interface (CSI) volume source)\n"
          + "    Driver:\t%s\n    FSType:\t%s\n    VolumeHandle:\t%s\n    ReadOnly:\t%s\n",
          v(s.driver()), v(s.fsType()), v(s.volumeHandle()), s.readOnly());
      attributes(s.volumeAttributes(), w);
    }
  }

  private static void hostPath(HostPathVolumeSource s, DescribeWriter w) {
    // A type left out is nil upstream (<none>); the API server's defaulting sets it to "".
    String type = s.type() == null ? "<none>" : s.type().wire();
    w.write(LEVEL_2, "Type:\tHostPath (bare host directory volume)\n    Path:\t%s\n    HostPathType:\t%s\n",
        v(s.path()), type);
  }

  private static void nfs(NFSVolumeSource s, DescribeWriter w) {
    w.write(LEVEL_2, "Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n"
        + "    Server:\t%s\n    Path:\t%s\n    ReadOnly:\t%s\n", v(s.server()), v(s.path()), s.readOnly());
  }

  private static void iscsi(String portal, String iqn, int lun, String iface, String fsType, boolean readOnly,
      java.util.List<String> portals, boolean discovery, boolean session, String secretRef, String initiator,
      DescribeWriter w) {
    w.write(LEVEL_2, "Type:\tISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then"
        + " exposed to the pod)\n"
        + "    TargetPortal:\t%s\n    IQN:\t%s\n    Lun:\t%s\n    ISCSIInterface\t%s\n    FSType:\t%s\n"
        + "    ReadOnly:\t%s\n    Portals:\t%s\n    DiscoveryCHAPAuth:\t%s\n    SessionCHAPAuth:\t%s\n"
        + "    SecretRef:\t%s\n    InitiatorName:\t%s\n",
        v(portal), v(iqn), lun, v(iface), v(fsType), readOnly, v(portals), discovery, session, secretRef,
        initiator == null ? "<none>" : initiator);
  }

  private static void rbd(java.util.List<String> monitors, String image, String fsType, String pool, String user,
      String keyring, String secretRef, boolean readOnly, DescribeWriter w) {
    w.write(LEVEL_2, "Type:\tRBD (a Rados Block Device mount on the host that shares a pod's lifetime)\n"
        + "    CephMonitors:\t%s\n    RBDImage:\t%s\n    FSType:\t%s\n    RBDPool:\t%s\n    RadosUser:\t%s\n"
        + "    Keyring:\t%s\n    SecretRef:\t%s\n    ReadOnly:\t%s\n",
        v(monitors), v(image), v(fsType), v(pool), v(user), v(keyring), secretRef, readOnly);
  }

  private static void cephfs(java.util.List<String> monitors, String path, String user, String secretFile,
      String secretRef, boolean readOnly, DescribeWriter w) {
    w.write(LEVEL_2, "Type:\tCephFS (a CephFS mount on the host that shares a pod's lifetime)\n"
        + "    Monitors:\t%s\n    Path:\t%s\n    User:\t%s\n    SecretFile:\t%s\n    SecretRef:\t%s\n"
        + "    ReadOnly:\t%s\n", v(monitors), v(path), v(user), v(secretFile), secretRef, readOnly);
  }

  private static void quobyte(QuobyteVolumeSource s, DescribeWriter w) {
    w.write(LEVEL_2, "Type:\tQuobyte (a Quobyte mount on the host that shares a pod's lifetime)\n"
        + "    Registry:\t%s\n    Volume:\t%s\n    ReadOnly:\t%s\n", v(s.registry()), v(s.volume()), s.readOnly());
  }

  private static void azureDisk(AzureDiskVolumeSource s, DescribeWriter w) {
    w.write(LEVEL_2, "Type:\tAzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)\n"
        + "    DiskName:\t%s\n    DiskURI:\t%s\n    Kind: \t%s\n    FSType:\t%s\n    CachingMode:\t%s\n"
        + "    ReadOnly:\t%s\n", v(s.diskName()), v(s.diskURI()), v(s.kind()), v(s.fsType()), v(s.cachingMode()),
        Boolean.TRUE.equals(s.readOnly()));
  }

  private static void vsphere(VsphereVirtualDiskVolumeSource s, DescribeWriter w) {
    w.write(LEVEL_2, "Type:\tvSphereVolume (a Persistent Disk resource in vSphere)\n"
        + "    VolumePath:\t%s\n    FSType:\t%s\n    StoragePolicyName:\t%s\n", v(s.volumePath()), v(s.fsType()),
        v(s.storagePolicyName()));
  }

  private static void cinder(String id, String fsType, boolean readOnly, String secretRef, DescribeWriter w) {
    w.write(LEVEL_2, "Type:\tCinder (a Persistent Disk resource in OpenStack)\n"
        + "    VolumeID:\t%s\n    FSType:\t%s\n    ReadOnly:\t%s\n    SecretRef:\t%s\n", v(id), v(fsType), readOnly,
        secretRef);
  }

  private static void photon(PhotonPersistentDiskVolumeSource s, DescribeWriter w) {
    w.write(LEVEL_2, "Type:\tPhotonPersistentDisk (a Persistent Disk resource in photon platform)\n"
        + "    PdID:\t%s\n    FSType:\t%s\n", v(s.pdID()), v(s.fsType()));
  }

  private static void portworx(PortworxVolumeSource s, DescribeWriter w) {
    w.write(LEVEL_2, "Type:\tPortworxVolume (a Portworx Volume resource)\n    VolumeID:\t%s\n", v(s.volumeID()));
  }

  private static void storageos(String name, String namespace, String fsType, boolean readOnly, DescribeWriter w) {
    w.write(LEVEL_2, "Type:\tStorageOS (a StorageOS Persistent Disk resource)\n"
        + "    VolumeName:\t%s\n    VolumeNamespace:\t%s\n    FSType:\t%s\n    ReadOnly:\t%s\n", v(name), v(namespace),
        v(fsType), readOnly);
  }

  private static void fc(FCVolumeSource s, DescribeWriter w) {
    w.write(LEVEL_2, "Type:\tFC (a Fibre Channel disk)\n"
        + "    TargetWWNs:\t%s\n    LUN:\t%s\n    FSType:\t%s\n    ReadOnly:\t%s\n",
        String.join(", ", s.targetWWNs()), s.lun() == null ? "<none>" : s.lun().toString(), v(s.fsType()),
        s.readOnly());
  }

  private static void flex(String driver, String fsType, String secretRef, boolean readOnly,
      Map<String, String> options, DescribeWriter w) {
    w.write(LEVEL_2, "Type:\tFlexVolume (a generic volume resource that is provisioned/attached using an exec"
        + " based plugin)\n    Driver:\t%s\n    FSType:\t%s\n    SecretRef:\t%s\n    ReadOnly:\t%s\n"
        + "    Options:\t%s\n", v(driver), v(fsType), secretRef, readOnly, v(options == null ? Map.of() : options));
  }

  private static void flocker(FlockerVolumeSource s, DescribeWriter w) {
    w.write(LEVEL_2, "Type:\tFlocker (a Flocker volume mounted by the Flocker agent)\n"
        + "    DatasetName:\t%s\n    DatasetUUID:\t%s\n", v(s.datasetName()), v(s.datasetUUID()));
  }

  /** {@code printCSIPersistentVolumeAttributesMultiline}. */
  private static void attributes(Map<String, String> attributes, DescribeWriter w) {
    w.write(LEVEL_2, "VolumeAttributes:\t");
    if (attributes == null || attributes.isEmpty()) {
      w.line("<none>");
      return;
    }
    boolean first = true;
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(attributes).entrySet()) {
      if (!first) {
        w.write(LEVEL_2, "");
        w.write(LEVEL_2, "\t");
      }
      String line = e.getKey() + "=" + e.getValue();
      w.write(LEVEL_2, "%s\n", line.length() > PodDescription.MAX_ANNOTATION_LEN
          ? line.substring(0, PodDescription.MAX_ANNOTATION_LEN) + "..." : line);
      first = false;
    }
  }

  /** {@code %v} of a {@code *LocalObjectReference}. */
  private static String local(LocalObjectReference r) {
    return r == null ? "nil" : GoText.ref("LocalObjectReference", "Name", r.name());
  }

  /** {@code %v} of a {@code *SecretReference}. */
  private static String secret(SecretReference r) {
    return r == null ? "nil" : GoText.ref("SecretReference", "Name", r.name(), "Namespace", r.namespace());
  }
}
