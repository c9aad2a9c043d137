package dev.volsim.model.validation;

import dev.volsim.model.ObjectMeta;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.LocalObjectReference;
import dev.volsim.model.core.ObjectFieldSelector;
import dev.volsim.model.core.ObjectReference;
import dev.volsim.model.core.ResourceFieldSelector;
import dev.volsim.model.volume.AWSElasticBlockStoreVolumeSource;
import dev.volsim.model.volume.AzureDataDiskKind;
import dev.volsim.model.volume.AzureDiskVolumeSource;
import dev.volsim.model.volume.AzureFilePersistentVolumeSource;
import dev.volsim.model.volume.AzureFileVolumeSource;
import dev.volsim.model.volume.CSIPersistentVolumeSource;
import dev.volsim.model.volume.CSIVolumeSource;
import dev.volsim.model.volume.CephFSPersistentVolumeSource;
import dev.volsim.model.volume.CephFSVolumeSource;
import dev.volsim.model.volume.CinderPersistentVolumeSource;
import dev.volsim.model.volume.CinderVolumeSource;
import dev.volsim.model.volume.ClusterTrustBundleProjection;
import dev.volsim.model.volume.ConfigMapVolumeSource;
import dev.volsim.model.volume.DownwardAPIVolumeFile;
import dev.volsim.model.volume.DownwardAPIVolumeSource;
import dev.volsim.model.volume.EmptyDirVolumeSource;
import dev.volsim.model.volume.EphemeralVolumeSource;
import dev.volsim.model.volume.FCVolumeSource;
import dev.volsim.model.volume.FlexPersistentVolumeSource;
import dev.volsim.model.volume.FlexVolumeSource;
import dev.volsim.model.volume.FlockerVolumeSource;
import dev.volsim.model.volume.GCEPersistentDiskVolumeSource;
import dev.volsim.model.volume.GitRepoVolumeSource;
import dev.volsim.model.volume.GlusterfsPersistentVolumeSource;
import dev.volsim.model.volume.GlusterfsVolumeSource;
import dev.volsim.model.volume.HostPathVolumeSource;
import dev.volsim.model.volume.ISCSIPersistentVolumeSource;
import dev.volsim.model.volume.ISCSIVolumeSource;
import dev.volsim.model.volume.ImageVolumeSource;
import dev.volsim.model.volume.KeyToPath;
import dev.volsim.model.volume.LocalVolumeSource;
import dev.volsim.model.volume.NFSVolumeSource;
import dev.volsim.model.volume.PersistentVolumeClaimVolumeSource;
import dev.volsim.model.volume.PersistentVolumeSource;
import dev.volsim.model.volume.PhotonPersistentDiskVolumeSource;
import dev.volsim.model.volume.PortworxVolumeSource;
import dev.volsim.model.volume.ProjectedVolumeSource;
import dev.volsim.model.volume.QuobyteVolumeSource;
import dev.volsim.model.volume.RBDPersistentVolumeSource;
import dev.volsim.model.volume.RBDVolumeSource;
import dev.volsim.model.volume.ScaleIOPersistentVolumeSource;
import dev.volsim.model.volume.ScaleIOVolumeSource;
import dev.volsim.model.volume.SecretReference;
import dev.volsim.model.volume.SecretVolumeSource;
import dev.volsim.model.volume.StorageOSPersistentVolumeSource;
import dev.volsim.model.volume.StorageOSVolumeSource;
import dev.volsim.model.volume.Volume;
import dev.volsim.model.volume.VolumeProjection;
import dev.volsim.model.volume.VolumeSource;
import dev.volsim.model.volume.VsphereVirtualDiskVolumeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code ValidateVolumes} and {@code validateVolumeSource}: Pod volumes and their sources, plus the
 * sources of PersistentVolumes, with the API server's field paths and messages. Upstream's quirks
 * in field paths are kept (a GCE disk's fields are reported under {@code persistentDisk}, the
 * files of a downwardAPI volume under the volume rather than the item, the iSCSI initiator under
 * {@code initiatorname}).
 */
public final class VolumeValidation {
  /** {@code fileModeErrorMsg}. */
  static final String FILE_MODE_MSG = "must be a number between 0 and 0777 (octal), both inclusive";
  private static final String ISCSI_TOO_LONG = "Total length of <volume name>:<iscsi.targetPortal> "
      + "must be under 64 characters if iscsi.initiatorName is specified.";
  private static final Pattern IQN = Pattern.compile("iqn\\.\\d{4}-\\d{2}\\.([\\p{Alnum}\\-.]+)(:[^,;*&$|\\s]+)$");
  private static final Pattern EUI = Pattern.compile("^eui.\\p{Alnum}{16}$");
  private static final Pattern NAA = Pattern.compile("^naa.\\p{Alnum}{32}$");
  private static final Set<String> VOLUME_FIELD_PATHS = new TreeSet<>(List.of(
      "metadata.name", "metadata.namespace", "metadata.labels", "metadata.annotations", "metadata.uid"));
  private static final Set<String> RESOURCE_FIELD_PATHS = new TreeSet<>(List.of(
      "limits.cpu", "limits.memory", "limits.ephemeral-storage",
      "requests.cpu", "requests.memory", "requests.ephemeral-storage"));
  private static final Set<String> CPU_DIVISORS = Set.of("1m", "1");
  private static final Set<String> BYTE_DIVISORS = Set.of(
      "1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei");
  private static final Set<String> DOWNWARD_API_LABELS = Set.of(
      "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace",
      "metadata.uid", "spec.nodeName", "spec.restartPolicy", "spec.serviceAccountName",
      "spec.schedulerName", "status.phase", "status.hostIP", "status.hostIPs", "status.podIP",
      "status.podIPs", "spec.host");

  private VolumeValidation() {}

  /**
   * {@code ValidateVolumes}: a Pod's volumes, their names and sources.
   *
   * @param podMeta the Pod's metadata (ephemeral volumes' claim names derive from the Pod name);
   *     may be null, as for a Pod template, which skips the claim-name checks
   * @param volumes the volumes
   * @param path the path of the list, {@code spec.volumes}
   * @param errs where errors go
   * @return the valid volumes by name, for mounts to be checked against; as upstream, a volume
   *     with any error is left out (so mounts naming it are reported "Not found") and duplicates
   *     keep the first
   */
  public static Map<String, Volume> validateVolumes(
      ObjectMeta podMeta, List<Volume> volumes, FieldPath path, List<FieldError> errs) {
    Map<String, Volume> byName = new LinkedHashMap<>();
    String podName = podMeta == null ? null : podMeta.name();
    Set<String> createdClaims = new HashSet<>();
    if (podName != null && !podName.isEmpty()) {
      for (Volume v : volumes) {
        if (v.source() instanceof EphemeralVolumeSource) {
          createdClaims.add(podName + "-" + v.name());
        }
      }
    }
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      FieldPath idx = path.index(i);
      FieldPath namePath = idx.child("name");
      String name = nz(v.name());
      List<FieldError> el = new ArrayList<>();
      validateVolumeSource(v.source(), idx, name, podMeta, el);
      if (name.isEmpty()) {
        el.add(FieldError.required(namePath, ""));
      } else {
        for (String msg : Names.dns1123Label(name)) {
          el.add(FieldError.invalid(namePath, name, msg));
        }
      }
      if (byName.containsKey(name)) {
        el.add(FieldError.duplicate(namePath, name));
      }
      if (el.isEmpty()) {
        byName.put(name, v);
      } else {
        errs.addAll(el);
      }
      if (v.source() instanceof PersistentVolumeClaimVolumeSource pvc
          && createdClaims.contains(nz(pvc.claimName()))) {
        errs.add(FieldError.invalid(idx.child("persistentVolumeClaim").child("claimName"), pvc.claimName(),
            "must not reference a PVC that gets created for an ephemeral volume"));
      }
    }
    return byName;
  }

  /**
   * {@code validateVolumeSource}: the one source of a Pod volume. A second source is reported by
   * the decoder ("may not specify more than 1 volume type"), which keeps only the first.
   *
   * @param source the source; null reports "must specify a volume type"
   * @param path the volume's path, {@code spec.volumes[0]}
   * @param volName the volume's name
   * @param podMeta the Pod's metadata, or null
   * @param errs where errors go
   */
  public static void validateVolumeSource(
      VolumeSource source, FieldPath path, String volName, ObjectMeta podMeta, List<FieldError> errs) {
    if (source == null) {
      errs.add(FieldError.required(path, "must specify a volume type"));
      return;
    }
    if (source instanceof EmptyDirVolumeSource s) {
      if (s.sizeLimit() != null && s.sizeLimit().signum() < 0) {
        errs.add(FieldError.forbidden(path.child("emptyDir").child("sizeLimit"),
            "SizeLimit field must be a valid resource quantity"));
      }
    } else if (source instanceof HostPathVolumeSource s) {
      hostPath(s, path.child("hostPath"), errs);
    } else if (source instanceof GitRepoVolumeSource s) {
      FieldPath p = path.child("gitRepo");
      if (nz(s.repository()).isEmpty()) {
        errs.add(FieldError.required(p.child("repository"), ""));
      }
      localDescendingPath(nz(s.directory()), p.child("directory"), errs);
    } else if (source instanceof GCEPersistentDiskVolumeSource s) {
      gcePersistentDisk(s, path.child("persistentDisk"), errs);
    } else if (source instanceof AWSElasticBlockStoreVolumeSource s) {
      awsElasticBlockStore(s, path.child("awsElasticBlockStore"), errs);
    } else if (source instanceof SecretVolumeSource s) {
      FieldPath p = path.child("secret");
      if (nz(s.secretName()).isEmpty()) {
        errs.add(FieldError.required(p.child("secretName"), ""));
      }
      fileMode(s.defaultMode(), p.child("defaultMode"), errs);
      for (int i = 0; i < s.items().size(); i++) {
        keyToPath(s.items().get(i), p.child("items").index(i), errs);
      }
    } else if (source instanceof NFSVolumeSource s) {
      nfs(s, path.child("nfs"), errs);
    } else if (source instanceof ISCSIVolumeSource s) {
      iscsi(s, path.child("iscsi"), errs);
      if (s.initiatorName() != null && (volName + ":" + nz(s.targetPortal())).length() > 64) {
        errs.add(FieldError.invalid(path.child("name"), volName, ISCSI_TOO_LONG));
      }
    } else if (source instanceof GlusterfsVolumeSource s) {
      FieldPath p = path.child("glusterfs");
      requiredString(s.endpoints(), p.child("endpoints"), errs);
      requiredString(s.path(), p.child("path"), errs);
    } else if (source instanceof FlockerVolumeSource s) {
      flocker(s, path.child("flocker"), errs);
    } else if (source instanceof PersistentVolumeClaimVolumeSource s) {
      requiredString(s.claimName(), path.child("persistentVolumeClaim").child("claimName"), errs);
    } else if (source instanceof RBDVolumeSource s) {
      FieldPath p = path.child("rbd");
      if (s.monitors().isEmpty()) {
        errs.add(FieldError.required(p.child("monitors"), ""));
      }
      requiredString(s.image(), p.child("image"), errs);
    } else if (source instanceof CinderVolumeSource s) {
      FieldPath p = path.child("cinder");
      requiredString(s.volumeID(), p.child("volumeID"), errs);
      if (s.secretRef() != null) {
        requiredString(s.secretRef().name(), p.child("secretRef").child("name"), errs);
      }
    } else if (source instanceof CephFSVolumeSource s) {
      if (s.monitors().isEmpty()) {
        errs.add(FieldError.required(path.child("cephfs").child("monitors"), ""));
      }
    } else if (source instanceof QuobyteVolumeSource s) {
      quobyte(s, path.child("quobyte"), errs);
    } else if (source instanceof DownwardAPIVolumeSource s) {
      FieldPath p = path.child("downwardAPI");
      fileMode(s.defaultMode(), p.child("defaultMode"), errs);
      for (DownwardAPIVolumeFile f : s.items()) {
        downwardAPIVolumeFile(f, p, errs);
      }
    } else if (source instanceof FCVolumeSource s) {
      fc(s, path.child("fc"), errs);
    } else if (source instanceof FlexVolumeSource s) {
      FieldPath p = path.child("flexVolume");
      requiredString(s.driver(), p.child("driver"), errs);
      flexOptions(s.options(), p, errs);
    } else if (source instanceof ConfigMapVolumeSource s) {
      FieldPath p = path.child("configMap");
      requiredString(s.name(), p.child("name"), errs);
      fileMode(s.defaultMode(), p.child("defaultMode"), errs);
      for (int i = 0; i < s.items().size(); i++) {
        keyToPath(s.items().get(i), p.child("items").index(i), errs);
      }
    } else if (source instanceof AzureFileVolumeSource s) {
      FieldPath p = path.child("azureFile");
      requiredString(s.secretName(), p.child("secretName"), errs);
      requiredString(s.shareName(), p.child("shareName"), errs);
    } else if (source instanceof VsphereVirtualDiskVolumeSource s) {
      requiredString(s.volumePath(), path.child("vsphereVolume").child("volumePath"), errs);
    } else if (source instanceof PhotonPersistentDiskVolumeSource s) {
      requiredString(s.pdID(), path.child("photonPersistentDisk").child("pdID"), errs);
    } else if (source instanceof PortworxVolumeSource s) {
      requiredString(s.volumeID(), path.child("portworxVolume").child("volumeID"), errs);
    } else if (source instanceof AzureDiskVolumeSource s) {
      azureDisk(s, path.child("azureDisk"), errs);
    } else if (source instanceof StorageOSVolumeSource s) {
      FieldPath p = path.child("storageos");
      storageOSNames(s.volumeName(), s.volumeNamespace(), p, errs);
      if (s.secretRef() != null) {
        requiredString(s.secretRef().name(), p.child("secretRef").child("name"), errs);
      }
    } else if (source instanceof ProjectedVolumeSource s) {
      projected(s, path.child("projected"), errs);
    } else if (source instanceof ScaleIOVolumeSource s) {
      scaleIO(s.gateway(), s.system(), s.volumeName(), path.child("scaleIO"), errs);
    } else if (source instanceof CSIVolumeSource s) {
      FieldPath p = path.child("csi");
      validateCSIDriverName(s.driver(), p.child("driver"), errs);
      LocalObjectReference ref = s.nodePublishSecretRef();
      if (ref != null) {
        if (nz(ref.name()).isEmpty()) {
          errs.add(FieldError.required(p.child("nodePublishSecretRef").child("name"), ""));
        } else {
          for (String msg : Names.dns1123Subdomain(ref.name())) {
            errs.add(FieldError.invalid(p.child("name"), ref.name(), msg));
          }
        }
      }
    } else if (source instanceof EphemeralVolumeSource s) {
      FieldPath p = path.child("ephemeral");
      if (s.volumeClaimTemplate() == null) {
        errs.add(FieldError.required(p.child("volumeClaimTemplate"), ""));
      } else {
        PersistentVolumeValidation.validatePersistentVolumeClaimTemplate(
            s.volumeClaimTemplate(), p.child("volumeClaimTemplate"), errs);
        String podName = podMeta == null ? null : podMeta.name();
        if (podName != null && !podName.isEmpty() && !volName.isEmpty()) {
          String claimName = podName + "-" + volName;
          for (String msg : Names.dns1123Subdomain(claimName)) {
            errs.add(FieldError.invalid(path.child("name"), volName,
                "PVC name " + FieldError.quote(claimName) + ": " + msg));
          }
        }
      }
    } else if (source instanceof ImageVolumeSource s) {
      FieldPath p = path.child("image");
      requiredString(s.reference(), p.child("reference"), errs);
      if (s.pullPolicy() == null) {
        errs.add(FieldError.required(p.child("pullPolicy"), ""));
      }
    }
  }

  /**
   * The source part of {@code ValidatePersistentVolumeSpec}: checks of the one source of a
   * PersistentVolume, and local volumes' need for node affinity.
   *
   * @param source the source; null reports "must specify a volume type" at {@code specPath}
   * @param pvName the volume's name (for the iSCSI initiator length rule)
   * @param nodeAffinitySpecified whether {@code spec.nodeAffinity} is set
   * @param specPath the path of the spec, {@code spec}
   * @param errs where errors go
   */
  public static void validatePersistentVolumeSource(
      PersistentVolumeSource source, String pvName, boolean nodeAffinitySpecified, FieldPath specPath,
      List<FieldError> errs) {
    if (source == null) {
      errs.add(FieldError.required(specPath, "must specify a volume type"));
      return;
    }
    if (source instanceof HostPathVolumeSource s) {
      hostPath(s, specPath.child("hostPath"), errs);
    } else if (source instanceof GCEPersistentDiskVolumeSource s) {
      gcePersistentDisk(s, specPath.child("persistentDisk"), errs);
    } else if (source instanceof AWSElasticBlockStoreVolumeSource s) {
      awsElasticBlockStore(s, specPath.child("awsElasticBlockStore"), errs);
    } else if (source instanceof GlusterfsPersistentVolumeSource s) {
      FieldPath p = specPath.child("glusterfs");
      requiredString(s.endpoints(), p.child("endpoints"), errs);
      requiredString(s.path(), p.child("path"), errs);
      if (s.endpointsNamespace() != null) {
        String ns = s.endpointsNamespace();
        if (ns.isEmpty()) {
          errs.add(FieldError.invalid(p.child("endpointsNamespace"), ns,
              "if the endpointnamespace is set, it must be a valid namespace name"));
        } else {
          for (String msg : Names.dns1123Label(ns)) {
            errs.add(FieldError.invalid(p.child("endpointsNamespace"), ns, msg));
          }
        }
      }
    } else if (source instanceof FlockerVolumeSource s) {
      flocker(s, specPath.child("flocker"), errs);
    } else if (source instanceof NFSVolumeSource s) {
      nfs(s, specPath.child("nfs"), errs);
    } else if (source instanceof RBDPersistentVolumeSource s) {
      FieldPath p = specPath.child("rbd");
      if (s.monitors().isEmpty()) {
        errs.add(FieldError.required(p.child("monitors"), ""));
      }
      requiredString(s.image(), p.child("image"), errs);
    } else if (source instanceof QuobyteVolumeSource s) {
      quobyte(s, specPath.child("quobyte"), errs);
    } else if (source instanceof CephFSPersistentVolumeSource s) {
      if (s.monitors().isEmpty()) {
        errs.add(FieldError.required(specPath.child("cephfs").child("monitors"), ""));
      }
    } else if (source instanceof ISCSIPersistentVolumeSource s) {
      iscsiPersistent(s, nz(pvName), specPath.child("iscsi"), errs);
    } else if (source instanceof CinderPersistentVolumeSource s) {
      FieldPath p = specPath.child("cinder");
      requiredString(s.volumeID(), p.child("volumeID"), errs);
      if (s.secretRef() != null) {
        requiredString(s.secretRef().name(), p.child("secretRef").child("name"), errs);
        requiredString(s.secretRef().namespace(), p.child("secretRef").child("namespace"), errs);
      }
    } else if (source instanceof FCVolumeSource s) {
      fc(s, specPath.child("fc"), errs);
    } else if (source instanceof FlexPersistentVolumeSource s) {
      FieldPath p = specPath.child("flexVolume");
      requiredString(s.driver(), p.child("driver"), errs);
      flexOptions(s.options(), p, errs);
    } else if (source instanceof AzureFilePersistentVolumeSource s) {
      FieldPath p = specPath.child("azureFile");
      requiredString(s.secretName(), p.child("secretName"), errs);
      requiredString(s.shareName(), p.child("shareName"), errs);
      if (s.secretNamespace() != null && s.secretNamespace().isEmpty()) {
        errs.add(FieldError.required(p.child("secretNamespace"), ""));
      }
    } else if (source instanceof VsphereVirtualDiskVolumeSource s) {
      requiredString(s.volumePath(), specPath.child("vsphereVolume").child("volumePath"), errs);
    } else if (source instanceof PhotonPersistentDiskVolumeSource s) {
      requiredString(s.pdID(), specPath.child("photonPersistentDisk").child("pdID"), errs);
    } else if (source instanceof PortworxVolumeSource s) {
      requiredString(s.volumeID(), specPath.child("portworxVolume").child("volumeID"), errs);
    } else if (source instanceof AzureDiskVolumeSource s) {
      azureDisk(s, specPath.child("azureDisk"), errs);
    } else if (source instanceof ScaleIOPersistentVolumeSource s) {
      scaleIO(s.gateway(), s.system(), s.volumeName(), specPath.child("scaleIO"), errs);
    } else if (source instanceof LocalVolumeSource s) {
      FieldPath p = specPath.child("local");
      if (nz(s.path()).isEmpty()) {
        errs.add(FieldError.required(p.child("path"), ""));
      } else {
        pathNoBacksteps(s.path(), p.child("path"), errs);
      }
      if (!nodeAffinitySpecified) {
        errs.add(FieldError.required(specPath.child("nodeAffinity"), "Local volume requires node affinity"));
      }
    } else if (source instanceof StorageOSPersistentVolumeSource s) {
      FieldPath p = specPath.child("storageos");
      storageOSNames(s.volumeName(), s.volumeNamespace(), p, errs);
      ObjectReference ref = s.secretRef();
      if (ref != null) {
        requiredString(ref.name(), p.child("secretRef").child("name"), errs);
        requiredString(ref.namespace(), p.child("secretRef").child("namespace"), errs);
      }
    } else if (source instanceof CSIPersistentVolumeSource s) {
      FieldPath p = specPath.child("csi");
      validateCSIDriverName(s.driver(), p.child("driver"), errs);
      requiredString(s.volumeHandle(), p.child("volumeHandle"), errs);
      pvSecretReference(s.controllerPublishSecretRef(), p.child("controllerPublishSecretRef"), errs);
      pvSecretReference(s.controllerExpandSecretRef(), p.child("controllerExpandSecretRef"), errs);
      pvSecretReference(s.nodePublishSecretRef(), p.child("nodePublishSecretRef"), errs);
      pvSecretReference(s.nodeExpandSecretRef(), p.child("nodeExpandSecretRef"), errs);
    }
  }

  /** {@code ValidateCSIDriverName}: required, at most 63 characters, a DNS-1123 subdomain. */
  public static void validateCSIDriverName(String driver, FieldPath path, List<FieldError> errs) {
    String d = nz(driver);
    if (d.isEmpty()) {
      errs.add(FieldError.required(path, ""));
    }
    if (d.length() > 63) {
      errs.add(FieldError.tooLong(path, 63));
    }
    for (String msg : Names.dns1123Subdomain(d.toLowerCase(Locale.ROOT))) {
      errs.add(FieldError.invalid(path, d, msg));
    }
  }

  // ------------------------------------------------------------------ per-type checks

  private static void hostPath(HostPathVolumeSource s, FieldPath p, List<FieldError> errs) {
    if (nz(s.path()).isEmpty()) {
      errs.add(FieldError.required(p.child("path"), ""));
      return;
    }
    pathNoBacksteps(s.path(), p.child("path"), errs);
    // The type is an enum: an unsupported value is reported by the decoder.
  }

  private static void gcePersistentDisk(GCEPersistentDiskVolumeSource s, FieldPath p, List<FieldError> errs) {
    requiredString(s.pdName(), p.child("pdName"), errs);
    if (s.partition() < 0 || s.partition() > 255) {
      errs.add(FieldError.invalid(p.child("partition"), s.partition(), inclusiveRange(1, 255)));
    }
  }

  private static void awsElasticBlockStore(AWSElasticBlockStoreVolumeSource s, FieldPath p, List<FieldError> errs) {
    requiredString(s.volumeID(), p.child("volumeID"), errs);
    if (s.partition() < 0 || s.partition() > 255) {
      errs.add(FieldError.invalid(p.child("partition"), s.partition(), inclusiveRange(1, 255)));
    }
  }

  private static void nfs(NFSVolumeSource s, FieldPath p, List<FieldError> errs) {
    requiredString(s.server(), p.child("server"), errs);
    requiredString(s.path(), p.child("path"), errs);
    if (!nz(s.path()).startsWith("/")) {
      errs.add(FieldError.invalid(p.child("path"), nz(s.path()), "must be an absolute path"));
    }
  }

  private static void iscsi(ISCSIVolumeSource s, FieldPath p, List<FieldError> errs) {
    requiredString(s.targetPortal(), p.child("targetPortal"), errs);
    String iqn = nz(s.iqn());
    if (iqn.isEmpty()) {
      errs.add(FieldError.required(p.child("iqn"), ""));
    } else if (!hasIscsiPrefix(iqn)) {
      errs.add(FieldError.invalid(p.child("iqn"), iqn, "must be valid format starting with iqn, eui, or naa"));
    } else if (!iscsiNameMatches(iqn)) {
      errs.add(FieldError.invalid(p.child("iqn"), iqn, "must be valid format"));
    }
    if (s.lun() < 0 || s.lun() > 255) {
      errs.add(FieldError.invalid(p.child("lun"), s.lun(), inclusiveRange(0, 255)));
    }
    if ((s.chapAuthDiscovery() || s.chapAuthSession()) && s.secretRef() == null) {
      errs.add(FieldError.required(p.child("secretRef"), ""));
    }
    if (s.initiatorName() != null) {
      String initiator = s.initiatorName();
      if (!hasIscsiPrefix(initiator)) {
        errs.add(FieldError.invalid(p.child("initiatorname"), initiator,
            "must be valid format starting with iqn, eui, or naa"));
      }
      if (!iscsiNameMatches(initiator)) {
        errs.add(FieldError.invalid(p.child("initiatorname"), initiator, "must be valid format"));
      }
    }
  }

  private static void iscsiPersistent(ISCSIPersistentVolumeSource s, String pvName, FieldPath p, List<FieldError> errs) {
    requiredString(s.targetPortal(), p.child("targetPortal"), errs);
    if (s.initiatorName() != null && (pvName + ":" + nz(s.targetPortal())).length() > 64) {
      errs.add(FieldError.invalid(p.child("targetportal"), nz(s.targetPortal()), ISCSI_TOO_LONG));
    }
    String iqn = nz(s.iqn());
    if (iqn.isEmpty()) {
      errs.add(FieldError.required(p.child("iqn"), ""));
    } else if (!hasIscsiPrefix(iqn) || !iscsiNameMatches(iqn)) {
      errs.add(FieldError.invalid(p.child("iqn"), iqn, "must be valid format"));
    }
    if (s.lun() < 0 || s.lun() > 255) {
      errs.add(FieldError.invalid(p.child("lun"), s.lun(), inclusiveRange(0, 255)));
    }
    if ((s.chapAuthDiscovery() || s.chapAuthSession()) && s.secretRef() == null) {
      errs.add(FieldError.required(p.child("secretRef"), ""));
    }
    if (s.secretRef() != null) {
      requiredString(s.secretRef().name(), p.child("secretRef").child("name"), errs);
    }
    if (s.initiatorName() != null) {
      String initiator = s.initiatorName();
      if (!hasIscsiPrefix(initiator)) {
        errs.add(FieldError.invalid(p.child("initiatorname"), initiator, "must be valid format"));
      }
      if (!iscsiNameMatches(initiator)) {
        errs.add(FieldError.invalid(p.child("initiatorname"), initiator, "must be valid format"));
      }
    }
  }

  private static boolean hasIscsiPrefix(String name) {
    return name.startsWith("iqn") || name.startsWith("eui") || name.startsWith("naa");
  }

  /** True unless the name has one of the three prefixes and fails that prefix's pattern. */
  private static boolean iscsiNameMatches(String name) {
    if (name.startsWith("iqn")) {
      return IQN.matcher(name).find();
    } else if (name.startsWith("eui")) {
      return EUI.matcher(name).find();
    } else if (name.startsWith("naa")) {
      return NAA.matcher(name).find();
    }
    return true;
  }

  private static void flocker(FlockerVolumeSource s, FieldPath p, List<FieldError> errs) {
    String name = nz(s.datasetName());
    String uuid = nz(s.datasetUUID());
    if (name.isEmpty() && uuid.isEmpty()) {
      errs.add(FieldError.required(p, "one of datasetName and datasetUUID is required"));
    }
    if (!name.isEmpty() && !uuid.isEmpty()) {
      errs.add(FieldError.invalid(p, "resource", "datasetName and datasetUUID can not be specified simultaneously"));
    }
    if (name.contains("/")) {
      errs.add(FieldError.invalid(p.child("datasetName"), name, "must not contain '/'"));
    }
  }

  private static void quobyte(QuobyteVolumeSource s, FieldPath p, List<FieldError> errs) {
    String registry = nz(s.registry());
    String hostPortMsg = "must be a host:port pair or multiple pairs separated by commas";
    if (registry.isEmpty()) {
      errs.add(FieldError.required(p.child("registry"), hostPortMsg));
    } else if (nz(s.tenant()).length() >= 65) {
      errs.add(FieldError.required(p.child("tenant"),
          "must be a UUID and may not exceed a length of 64 characters"));
    } else {
      for (String pair : registry.split(",", -1)) {
        if (!isHostPort(pair)) {
          errs.add(FieldError.invalid(p.child("registry"), registry, hostPortMsg));
        }
      }
    }
    requiredString(s.volume(), p.child("volume"), errs);
  }

  /** Whether Go's {@code net.SplitHostPort} accepts the string. */
  private static boolean isHostPort(String s) {
    int colon = s.lastIndexOf(':');
    if (colon < 0) {
      return false;
    }
    String host;
    int portStart = colon + 1;
    if (s.startsWith("[")) {
      int end = s.indexOf(']');
      if (end < 0 || end + 1 != colon) {
        return false;
      }
      host = s.substring(1, end);
      if (host.contains("[") || host.contains("]")) {
        return false;
      }
    } else {
      host = s.substring(0, colon);
      if (host.contains(":") || host.contains("[") || host.contains("]")) {
        return false;
      }
    }
    String port = s.substring(portStart);
    return !port.contains("[") && !port.contains("]");
  }

  private static void fc(FCVolumeSource s, FieldPath p, List<FieldError> errs) {
    if (s.targetWWNs().isEmpty() && s.wwids().isEmpty()) {
      errs.add(FieldError.required(p.child("targetWWNs"), "must specify either targetWWNs or wwids, but not both"));
    }
    if (!s.targetWWNs().isEmpty() && !s.wwids().isEmpty()) {
      errs.add(FieldError.invalid(p.child("targetWWNs"), GoValue.stringSlice(s.targetWWNs()),
          "targetWWNs and wwids can not be specified simultaneously"));
    }
    if (!s.targetWWNs().isEmpty()) {
      if (s.lun() == null) {
        errs.add(FieldError.required(p.child("lun"), "lun is required if targetWWNs is specified"));
      } else if (s.lun() < 0 || s.lun() > 255) {
        errs.add(FieldError.invalid(p.child("lun"), s.lun(), inclusiveRange(0, 255)));
      }
    }
  }

  private static void flexOptions(Map<String, String> options, FieldPath p, List<FieldError> errs) {
    for (String k : options.keySet()) {
      String namespace = k;
      int slash = k.indexOf('/');
      if (slash >= 0) {
        namespace = k.substring(0, slash);
      }
      String normalized = "." + namespace.toLowerCase(Locale.ROOT);
      if (normalized.endsWith(".kubernetes.io") || normalized.endsWith(".k8s.io")) {
        errs.add(FieldError.invalid(p.child("options").key(k), k, "kubernetes.io and k8s.io namespaces are reserved"));
      }
    }
  }

  private static void azureDisk(AzureDiskVolumeSource s, FieldPath p, List<FieldError> errs) {
    requiredString(s.diskName(), p.child("diskName"), errs);
    String uri = nz(s.diskURI());
    if (uri.isEmpty()) {
      errs.add(FieldError.required(p.child("diskURI"), ""));
    }
    // cachingMode and kind are enums: unsupported values are reported by the decoder.
    if (s.kind() == AzureDataDiskKind.MANAGED && !uri.startsWith("/subscriptions/")) {
      errs.add(FieldError.notSupported(p.child("diskURI"), uri,
          List.of("/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}")));
    }
    if (s.kind() != null && s.kind() != AzureDataDiskKind.MANAGED && !uri.startsWith("https://")) {
      errs.add(FieldError.notSupported(p.child("diskURI"), uri,
          List.of("https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd")));
    }
  }

  private static void storageOSNames(String volumeName, String volumeNamespace, FieldPath p, List<FieldError> errs) {
    String name = nz(volumeName);
    if (name.isEmpty()) {
      errs.add(FieldError.required(p.child("volumeName"), ""));
    } else {
      for (String msg : Names.dns1123Label(name)) {
        errs.add(FieldError.invalid(p.child("volumeName"), name, msg));
      }
    }
    String ns = nz(volumeNamespace);
    if (!ns.isEmpty()) {
      for (String msg : Names.dns1123Label(ns)) {
        errs.add(FieldError.invalid(p.child("volumeNamespace"), ns, msg));
      }
    }
  }

  private static void scaleIO(String gateway, String system, String volumeName, FieldPath p, List<FieldError> errs) {
    requiredString(gateway, p.child("gateway"), errs);
    requiredString(system, p.child("system"), errs);
    requiredString(volumeName, p.child("volumeName"), errs);
  }

  private static void pvSecretReference(SecretReference ref, FieldPath p, List<FieldError> errs) {
    if (ref == null) {
      return;
    }
    String name = nz(ref.name());
    if (name.isEmpty()) {
      errs.add(FieldError.required(p.child("name"), ""));
    } else {
      for (String msg : Names.dns1123Subdomain(name)) {
        errs.add(FieldError.invalid(p.child("name"), name, msg));
      }
    }
    String ns = nz(ref.namespace());
    if (ns.isEmpty()) {
      errs.add(FieldError.required(p.child("namespace"), ""));
    } else {
      for (String msg : Names.dns1123Label(ns)) {
        errs.add(FieldError.invalid(p.child("namespace"), ns, msg));
      }
    }
  }

  // ------------------------------------------------------------------ projected, files

  private static void projected(ProjectedVolumeSource s, FieldPath p, List<FieldError> errs) {
    fileMode(s.defaultMode(), p.child("defaultMode"), errs);
    Set<String> allPaths = new HashSet<>();
    for (int i = 0; i < s.sources().size(); i++) {
      VolumeProjection source = s.sources().get(i);
      int numSources = 0;
      FieldPath srcPath = p.child("sources").index(i);
      if (source.secret() != null) {
        numSources++;
        FieldPath projPath = srcPath.child("secret");
        requiredString(source.secret().name(), projPath.child("name"), errs);
        for (int j = 0; j < source.secret().items().size(); j++) {
          KeyToPath kp = source.secret().items().get(j);
          keyToPath(kp, projPath.child("items").index(j), errs);
          if (!nz(kp.path()).isEmpty() && !allPaths.add(kp.path())) {
            errs.add(FieldError.invalid(p, nz(source.secret().name()), "conflicting duplicate paths"));
          }
        }
      }
      if (source.configMap() != null) {
        numSources++;
        FieldPath projPath = srcPath.child("configMap");
        requiredString(source.configMap().name(), projPath.child("name"), errs);
        for (int j = 0; j < source.configMap().items().size(); j++) {
          KeyToPath kp = source.configMap().items().get(j);
          keyToPath(kp, projPath.child("items").index(j), errs);
          if (!nz(kp.path()).isEmpty() && !allPaths.add(kp.path())) {
            errs.add(FieldError.invalid(p, nz(source.configMap().name()), "conflicting duplicate paths"));
          }
        }
      }
      if (source.downwardAPI() != null) {
        numSources++;
        FieldPath projPath = srcPath.child("downwardAPI");
        for (DownwardAPIVolumeFile f : source.downwardAPI().items()) {
          downwardAPIVolumeFile(f, projPath, errs);
          if (!nz(f.path()).isEmpty() && !allPaths.add(f.path())) {
            errs.add(FieldError.invalid(p, f.path(), "conflicting duplicate paths"));
          }
        }
      }
      if (source.serviceAccountToken() != null) {
        numSources++;
        FieldPath projPath = srcPath.child("serviceAccountToken");
        long expiration = source.serviceAccountToken().expirationSeconds() == null
            ? 0 : source.serviceAccountToken().expirationSeconds();
        if (expiration < 10 * 60) {
          errs.add(FieldError.invalid(projPath.child("expirationSeconds"), expiration,
              "may not specify a duration less than 10 minutes"));
        }
        if (expiration > (1L << 32)) {
          errs.add(FieldError.invalid(projPath.child("expirationSeconds"), expiration,
              "may not specify a duration larger than 2^32 seconds"));
        }
        String tokenPath = nz(source.serviceAccountToken().path());
        if (tokenPath.isEmpty()) {
          errs.add(FieldError.required(p.child("path"), ""));
        } else {
          localNonReservedPath(tokenPath, p.child("path"), errs);
        }
      }
      if (source.clusterTrustBundle() != null) {
        numSources++;
        clusterTrustBundle(source.clusterTrustBundle(), srcPath.child("clusterTrustBundle"), p, allPaths, errs);
      }
      if (numSources > 1) {
        errs.add(FieldError.forbidden(srcPath, "may not specify more than 1 volume type per source"));
      }
    }
  }

  private static void clusterTrustBundle(
      ClusterTrustBundleProjection ctb, FieldPath projPath, FieldPath projectedPath, Set<String> allPaths,
      List<FieldError> errs) {
    boolean usingName = ctb.name() != null;
    boolean usingSignerName = ctb.signerName() != null;
    if (usingName && usingSignerName) {
      errs.add(FieldError.invalid(projPath, GoValue.of("&core.ClusterTrustBundleProjection{...}"),
          "only one of name and signerName may be used"));
    } else if (usingName) {
      String name = ctb.name();
      if (name.isEmpty()) {
        errs.add(FieldError.required(projPath.child("name"), "must be a valid object name"));
      }
      // A name "signer:domain:name" must carry its signer's prefix, which the split guarantees;
      // what remains to check is the part after the last ':'.
      int split = name.lastIndexOf(':');
      String own = split >= 0 ? name.substring(split + 1) : name;
      for (String msg : Names.dns1123Subdomain(own)) {
        errs.add(FieldError.invalid(projPath.child("name"), name, "not a valid clustertrustbundlename: " + msg));
      }
      if (ctb.labelSelector() != null) {
        errs.add(FieldError.invalid(projPath.child("labelSelector"), GoValue.of("&v1.LabelSelector{...}"),
            "labelSelector must be unset if name is specified"));
      }
    } else if (usingSignerName) {
      if (ctb.signerName().isEmpty()) {
        errs.add(FieldError.required(projPath.child("signerName"), "must be a valid signer name"));
      }
      signerName(projPath.child("signerName"), ctb.signerName(), errs);
      PersistentVolumeValidation.validateLabelSelector(ctb.labelSelector(), false, projPath.child("labelSelector"), errs);
    } else {
      errs.add(FieldError.required(projPath, "either name or signerName must be specified"));
    }
    String path = nz(ctb.path());
    if (path.isEmpty()) {
      errs.add(FieldError.required(projPath.child("path"), ""));
    }
    localNonReservedPath(path, projPath.child("path"), errs);
    if (!allPaths.add(path)) {
      errs.add(FieldError.invalid(projectedPath, path, "conflicting duplicate paths"));
    }
  }

  /** {@code ValidateSignerName}: {@code example.com/signer-name}. */
  private static void signerName(FieldPath p, String signerName, List<FieldError> errs) {
    if (signerName.isEmpty()) {
      errs.add(FieldError.required(p, ""));
      return;
    }
    String[] segments = signerName.split("/", -1);
    if (segments.length != 2) {
      errs.add(FieldError.invalid(p, signerName,
          "must be a fully qualified domain and path of the form 'example.com/signer-name'"));
      return;
    }
    if (segments[0].length() > Names.DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errs.add(FieldError.tooLong(p, Names.DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    String[] domainLabels = segments[0].split("\\.", -1);
    for (String label : domainLabels) {
      List<String> e = Names.dns1123Label(label);
      if (!e.isEmpty()) {
        errs.add(FieldError.invalid(p, segments[0], String.join(",", e)));
      }
    }
    if (domainLabels.length < 2) {
      errs.add(FieldError.invalid(p, segments[0], "should be a domain with at least two segments separated by dots"));
    }
    for (String label : segments[1].split("\\.", -1)) {
      List<String> e = Names.dns1123Subdomain(label);
      if (!e.isEmpty()) {
        errs.add(FieldError.invalid(p, segments[1], String.join(",", e)));
      }
    }
  }

  private static void keyToPath(KeyToPath kp, FieldPath p, List<FieldError> errs) {
    requiredString(kp.key(), p.child("key"), errs);
    requiredString(kp.path(), p.child("path"), errs);
    localNonReservedPath(nz(kp.path()), p.child("path"), errs);
    fileMode(kp.mode(), p.child("mode"), errs);
  }

  private static void downwardAPIVolumeFile(DownwardAPIVolumeFile f, FieldPath p, List<FieldError> errs) {
    requiredString(f.path(), p.child("path"), errs);
    localNonReservedPath(nz(f.path()), p.child("path"), errs);
    if (f.fieldRef() != null) {
      objectFieldSelector(f.fieldRef(), p.child("fieldRef"), errs);
      if (f.resourceFieldRef() != null) {
        errs.add(FieldError.invalid(p, "resource", "fieldRef and resourceFieldRef can not be specified simultaneously"));
      }
    } else if (f.resourceFieldRef() != null) {
      resourceFieldSelector(f.resourceFieldRef(), p.child("resourceFieldRef"), errs);
    } else {
      errs.add(FieldError.required(p, "one of fieldRef and resourceFieldRef is required"));
    }
    fileMode(f.mode(), p.child("mode"), errs);
  }

  /** {@code validateObjectFieldSelector} with the fields a volume may expose. */
  private static void objectFieldSelector(ObjectFieldSelector fs, FieldPath p, List<FieldError> errs) {
    String apiVersion = nz(fs.apiVersion());
    String fieldPath = nz(fs.fieldPath());
    if (apiVersion.isEmpty()) {
      errs.add(FieldError.required(p.child("apiVersion"), ""));
      return;
    }
    if (fieldPath.isEmpty()) {
      errs.add(FieldError.required(p.child("fieldPath"), ""));
      return;
    }
    String[] subscripted = splitSubscript(fieldPath);
    String conversionError = null;
    if (!apiVersion.equals("v1")) {
      conversionError = "unsupported pod version: " + apiVersion;
    } else if (subscripted != null) {
      if (!subscripted[0].equals("metadata.annotations") && !subscripted[0].equals("metadata.labels")) {
        conversionError = "field label does not support subscript: " + fieldPath;
      }
    } else if (!DOWNWARD_API_LABELS.contains(fieldPath)) {
      conversionError = "field label not supported: " + fieldPath;
    }
    if (conversionError != null) {
      errs.add(FieldError.invalid(p.child("fieldPath"), fieldPath, "error converting fieldPath: " + conversionError));
      return;
    }
    String internal = fieldPath.equals("spec.host") ? "spec.nodeName" : fieldPath;
    if (subscripted != null) {
      String key = subscripted[0].equals("metadata.annotations")
          ? subscripted[1].toLowerCase(Locale.ROOT) : subscripted[1];
      for (String msg : Names.qualifiedName(key)) {
        errs.add(FieldError.invalid(p, key, msg));
      }
    } else if (!VOLUME_FIELD_PATHS.contains(internal)) {
      errs.add(FieldError.notSupported(p.child("fieldPath"), internal, VOLUME_FIELD_PATHS));
    }
  }

  /** {@code fieldpath.SplitMaybeSubscriptedPath}: {@code metadata.labels['key']}, or null. */
  private static String[] splitSubscript(String fieldPath) {
    if (!fieldPath.endsWith("']")) {
      return null;
    }
    String s = fieldPath.substring(0, fieldPath.length() - 2);
    int open = s.indexOf("['");
    if (open <= 0) {
      return null;
    }
    return new String[] {s.substring(0, open), s.substring(open + 2)};
  }

  /** {@code validateContainerResourceFieldSelector} for volumes (the container name is required). */
  private static void resourceFieldSelector(ResourceFieldSelector fs, FieldPath p, List<FieldError> errs) {
    String resource = nz(fs.resource());
    if (nz(fs.containerName()).isEmpty()) {
      errs.add(FieldError.required(p.child("containerName"), ""));
    } else if (resource.isEmpty()) {
      errs.add(FieldError.required(p.child("resource"), ""));
    } else if (!RESOURCE_FIELD_PATHS.contains(resource)
        && !resource.startsWith("requests.hugepages-") && !resource.startsWith("limits.hugepages-")) {
      errs.add(FieldError.notSupported(p.child("resource"), resource, RESOURCE_FIELD_PATHS));
    }
    Quantity divisor = fs.divisor();
    if (divisor == null || divisor.isZero()) {
      return;
    }
    String d = divisor.toString();
    switch (resource) {
      case "limits.cpu", "requests.cpu" -> {
        if (!CPU_DIVISORS.contains(d)) {
          errs.add(FieldError.invalid(p.child("divisor"), resource,
              "only divisor's values 1m and 1 are supported with the cpu resource"));
        }
      }
      case "limits.memory", "requests.memory" -> {
        if (!BYTE_DIVISORS.contains(d)) {
          errs.add(FieldError.invalid(p.child("divisor"), resource, "only divisor's values 1, 1k, 1M, 1G, 1T, "
              + "1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource"));
        }
      }
      case "limits.ephemeral-storage", "requests.ephemeral-storage" -> {
        if (!BYTE_DIVISORS.contains(d)) {
          errs.add(FieldError.invalid(p.child("divisor"), resource, "only divisor's values 1, 1k, 1M, 1G, 1T, "
              + "1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the local ephemeral storage resource"));
        }
      }
      default -> { }
    }
    if ((resource.startsWith("requests.hugepages-") || resource.startsWith("limits.hugepages-"))
        && !BYTE_DIVISORS.contains(d)) {
      errs.add(FieldError.invalid(p.child("divisor"), resource, "only divisor's values 1, 1k, 1M, 1G, 1T, "
          + "1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the hugepages resource"));
    }
  }

  // ------------------------------------------------------------------ shared helpers

  private static void fileMode(Integer mode, FieldPath p, List<FieldError> errs) {
    if (mode != null && (mode > 0777 || mode < 0)) {
      errs.add(FieldError.invalid(p, mode, FILE_MODE_MSG));
    }
  }

  private static void requiredString(String value, FieldPath p, List<FieldError> errs) {
    if (value == null || value.isEmpty()) {
      errs.add(FieldError.required(p, ""));
    }
  }

  /** {@code validatePathNoBacksteps}: no {@code ..} element. */
  static void pathNoBacksteps(String target, FieldPath p, List<FieldError> errs) {
    for (String item : target.split("/", -1)) {
      if (item.equals("..")) {
        errs.add(FieldError.invalid(p, target, "must not contain '..'"));
        return;
      }
    }
  }

  /** {@code validateLocalDescendingPath}: relative, no {@code ..} element. */
  static void localDescendingPath(String target, FieldPath p, List<FieldError> errs) {
    if (target.startsWith("/")) {
      errs.add(FieldError.invalid(p, target, "must be a relative path"));
    }
    pathNoBacksteps(target, p, errs);
  }

  /** {@code ValidateLocalNonReservedPath}: as a descending path, and not starting with {@code ..}. */
  static void localNonReservedPath(String target, FieldPath p, List<FieldError> errs) {
    localDescendingPath(target, p, errs);
    if (target.startsWith("..") && !target.startsWith("../")) {
      errs.add(FieldError.invalid(p, target, "must not start with '..'"));
    }
  }

  /** {@code validation.InclusiveRangeError}. */
  static String inclusiveRange(int lo, int hi) {
    return "must be between " + lo + " and " + hi + ", inclusive";
  }

  static String nz(String s) {
    return s == null ? "" : s;
  }

  /** A bad value printed as Go's {@code %#v} prints it, unquoted. */
  record GoValue(String text) {
    static GoValue of(String text) {
      return new GoValue(text);
    }

    static GoValue stringSlice(List<String> values) {
      StringBuilder sb = new StringBuilder("[]string{");
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(FieldError.quote(values.get(i)));
      }
      return new GoValue(sb.append('}').toString());
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
