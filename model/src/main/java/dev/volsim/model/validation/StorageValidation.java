package dev.volsim.model.validation;

import dev.volsim.model.core.PersistentVolumeSpec;
import dev.volsim.model.storage.CSIDriver;
import dev.volsim.model.storage.CSINode;
import dev.volsim.model.storage.CSIStorageCapacity;
import dev.volsim.model.storage.VolumeAttachment;
import dev.volsim.model.volume.CSIPersistentVolumeSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validation of the storage.k8s.io/v1 kinds other than StorageClass (CSIDriver, CSINode,
 * CSIStorageCapacity, VolumeAttachment), as {@code pkg/apis/storage/validation} and the v1
 * registry strategies call it on create.
 */
public final class StorageValidation {
  /** {@code maxAttachedVolumeMetadataSize}: 256 KiB of attachment metadata. */
  public static final int MAX_ATTACHED_VOLUME_METADATA_SIZE = 256 * 1024;
  /** {@code maxVolumeErrorMessageSize}. */
  public static final int MAX_VOLUME_ERROR_MESSAGE_SIZE = 1024;
  /** The longest CSINode driver nodeID accepted on create ({@code csiNodeIDLongerMaxLength}). */
  public static final int CSI_NODE_ID_MAX_LENGTH = 256;
  /** The longest CSI driver name ({@code ValidateCSIDriverName}). */
  public static final int CSI_DRIVER_NAME_MAX_LENGTH = 63;

  private static final String IS_NEGATIVE = "must be greater than or equal to 0";
  private static final String EXACTLY_ONE_SOURCE =
      "must specify exactly one of inlineVolumeSpec and persistentVolumeName";

  private StorageValidation() {}

  // ------------------------------------------------------------------ CSIDriver

  /** {@code ValidateCSIDriver}: a DNS-subdomain name and the spec. */
  public static List<FieldError> validateCSIDriver(CSIDriver driver) {
    List<FieldError> errs = new ArrayList<>(
        ObjectMetaValidation.validate(driver.metadata(), false, Names::dns1123Subdomain));
    validateCSIDriverSpec(driver.spec(), FieldPath.of("spec"), errs);
    return errs;
  }

  /**
   * {@code validateCSIDriverSpec}. Upstream reports a missing attachRequired at
   * {@code spec.attachedRequired} (sic); defaulting makes it unreachable from a manifest.
   */
  public static void validateCSIDriverSpec(CSIDriver.Spec spec, FieldPath path, List<FieldError> errs) {
    if (spec.attachRequired() == null) {
      errs.add(FieldError.required(path.child("attachedRequired"), ""));
    }
    if (spec.podInfoOnMount() == null) {
      errs.add(FieldError.required(path.child("podInfoOnMount"), ""));
    }
    if (spec.storageCapacity() == null) {
      errs.add(FieldError.required(path.child("storageCapacity"), ""));
    }
    validateTokenRequests(spec.tokenRequests(), path.child("tokenRequests"), errs);
    if (spec.seLinuxMount() == null) {
      errs.add(FieldError.required(path.child("seLinuxMount"), ""));
    }
    Long period = spec.nodeAllocatableUpdatePeriodSeconds();
    if (period != null && period < 10) {
      errs.add(FieldError.invalid(path.child("nodeAllocatableUpdatePeriodSeconds"), period,
          "must be greater than or equal to 10 seconds"));
    }
  }

  /**
   * {@code validateTokenRequests}: audiences are unique (a duplicate skips its other checks);
   * expirationSeconds lies between 10 minutes and 2<sup>32</sup> seconds.
   */
  public static void validateTokenRequests(
      List<CSIDriver.TokenRequest> requests, FieldPath path, List<FieldError> errs) {
    Set<String> audiences = new HashSet<>();
    for (int i = 0; i < requests.size(); i++) {
      CSIDriver.TokenRequest r = requests.get(i);
      FieldPath p = path.index(i);
      String audience = r.audience() == null ? "" : r.audience();
      if (!audiences.add(audience)) {
        errs.add(FieldError.duplicate(p.child("audience"), audience));
        continue;
      }
      if (r.expirationSeconds() == null) {
        continue;
      }
      long seconds = r.expirationSeconds();
      if (seconds < 600) {
        errs.add(FieldError.invalid(p.child("expirationSeconds"), seconds,
            "may not specify a duration less than 10 minutes"));
      }
      if (seconds > (1L << 32)) {
        errs.add(FieldError.invalid(p.child("expirationSeconds"), seconds,
            "may not specify a duration larger than 2^32 seconds"));
      }
    }
  }

  /**
   * {@code ValidateCSIDriverName} (core validation): required, at most 63 characters, a DNS
   * subdomain once lower-cased. Used for VolumeAttachment attachers and CSINode drivers.
   */
  public static void validateCSIDriverName(String name, FieldPath path, List<FieldError> errs) {
    String n = name == null ? "" : name;
    if (n.isEmpty()) {
      errs.add(FieldError.required(path, ""));
    }
    if (n.length() > CSI_DRIVER_NAME_MAX_LENGTH) {
      errs.add(FieldError.tooLong(path, CSI_DRIVER_NAME_MAX_LENGTH));
    }
    for (String msg : Names.dns1123Subdomain(n.toLowerCase(Locale.ROOT))) {
      errs.add(FieldError.invalid(path, n, msg));
    }
  }

  // ------------------------------------------------------------------ CSINode

  /** {@code ValidateCSINode} with long node IDs allowed, as the create strategy does. */
  public static List<FieldError> validateCSINode(CSINode node) {
    List<FieldError> errs = new ArrayList<>(
        ObjectMetaValidation.validate(node.metadata(), false, Names::dns1123Subdomain));
    validateCSINodeDrivers(node.spec().drivers(), FieldPath.of("spec", "drivers"), errs);
    return errs;
  }

  /**
   * {@code validateCSINodeDrivers}: each driver's name, nodeID, allocatable count and topology
   * keys; a driver name given twice is a duplicate.
   */
  public static void validateCSINodeDrivers(List<CSINode.Driver> drivers, FieldPath path, List<FieldError> errs) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < drivers.size(); i++) {
      CSINode.Driver d = drivers.get(i);
      FieldPath p = path.index(i);
      String name = d.name() == null ? "" : d.name();
      validateCSIDriverName(name, p.child("name"), errs);
      String nodeID = d.nodeID() == null ? "" : d.nodeID();
      if (nodeID.isEmpty()) {
        errs.add(FieldError.required(p.child("nodeID"), ""));
      }
      if (nodeID.length() > CSI_NODE_ID_MAX_LENGTH) {
        errs.add(FieldError.invalid(p.child("nodeID"), nodeID,
            "must be " + CSI_NODE_ID_MAX_LENGTH + " characters or less"));
      }
      if (d.allocatable() != null && d.allocatable().count() != null && d.allocatable().count() < 0) {
        errs.add(FieldError.invalid(p.child("allocatable").child("count"),
            d.allocatable().count(), IS_NEGATIVE));
      }
      if (!names.add(name)) {
        errs.add(FieldError.duplicate(p.child("name"), name));
      }
      Set<String> keys = new HashSet<>();
      for (String key : d.topologyKeys()) {
        String k = key == null ? "" : key;
        if (k.isEmpty()) {
          errs.add(FieldError.required(p, ""));
        }
        if (!keys.add(k)) {
          errs.add(FieldError.duplicate(p, k));
        }
        for (String msg : Names.qualifiedName(k)) {
          errs.add(FieldError.invalid(p, k, msg));
        }
      }
    }
  }

  // ------------------------------------------------------------------ CSIStorageCapacity

  /** {@code ValidateCSIStorageCapacity}. */
  public static List<FieldError> validateCSIStorageCapacity(CSIStorageCapacity capacity) {
    List<FieldError> errs = new ArrayList<>(
        ObjectMetaValidation.validate(capacity.metadata(), true, Names::dns1123Subdomain));
    PersistentVolumeValidation.validateLabelSelector(capacity.nodeTopology(), false, FieldPath.of("nodeTopology"), errs);
    String className = capacity.storageClassName() == null ? "" : capacity.storageClassName();
    for (String msg : Names.dns1123Subdomain(className)) {
      errs.add(FieldError.invalid(FieldPath.of("storageClassName"), className, msg));
    }
    if (capacity.capacity() != null && capacity.capacity().signum() < 0) {
      errs.add(FieldError.invalid(FieldPath.of("capacity"), capacity.capacity().toString(), IS_NEGATIVE));
    }
    return errs;
  }

  // ------------------------------------------------------------------ VolumeAttachment

  /**
   * {@code ValidateVolumeAttachment} followed by {@code ValidateVolumeAttachmentV1}, as the v1
   * create strategy runs them; messages both report once (the API server prints each distinct
   * message once).
   */
  public static List<FieldError> validateVolumeAttachment(VolumeAttachment va) {
    List<FieldError> errs = new ArrayList<>(
        ObjectMetaValidation.validate(va.metadata(), false, Names::dns1123Subdomain));
    FieldPath spec = FieldPath.of("spec");
    VolumeAttachment.Spec s = va.spec();
    String attacher = s.attacher() == null ? "" : s.attacher();
    if (attacher.isEmpty()) {
      errs.add(FieldError.required(spec.child("attacher"), ""));
    }
    validateVolumeAttachmentSource(s.source(), spec.child("source"), errs);
    String nodeName = s.nodeName() == null ? "" : s.nodeName();
    for (String msg : Names.dns1123Subdomain(nodeName)) {
      errs.add(FieldError.invalid(spec.child("nodeName"), nodeName, msg));
    }
    validateVolumeAttachmentStatus(va.status(), FieldPath.of("status"), errs);
    // ValidateVolumeAttachmentV1: the attacher is a CSI driver name, the PV name a PV name.
    validateCSIDriverName(attacher, spec.child("attacher"), errs);
    String pvName = s.source().persistentVolumeName();
    if (pvName != null) {
      for (String msg : Names.dns1123Subdomain(pvName)) {
        errs.add(FieldError.invalid(spec.child("source").child("persistentVolumeName"), pvName, msg));
      }
    }
    return distinct(errs);
  }

  /** {@code validateVolumeAttachmentSource}: exactly one of the two sources. */
  public static void validateVolumeAttachmentSource(
      VolumeAttachment.Source source, FieldPath path, List<FieldError> errs) {
    boolean hasPV = source.persistentVolumeName() != null;
    boolean hasInline = source.inlineVolumeSpec() != null;
    if (!hasPV && !hasInline) {
      errs.add(FieldError.required(path, EXACTLY_ONE_SOURCE));
    } else if (hasPV && hasInline) {
      errs.add(FieldError.forbidden(path, EXACTLY_ONE_SOURCE));
    } else if (hasPV) {
      if (source.persistentVolumeName().isEmpty()) {
        errs.add(FieldError.required(path.child("persistentVolumeName"),
            "must specify non empty persistentVolumeName"));
      }
    } else {
      validateInlineVolumeSpec(source.inlineVolumeSpec(), path.child("inlineVolumeSpec"), errs);
    }
  }

  /**
   * The checks {@code ValidatePersistentVolumeSpec} adds for an inline (migrated) volume spec: no
   * claimRef, no capacity, a CSI source, and at least one access mode. The source's own fields
   * are not checked here.
   */
  public static void validateInlineVolumeSpec(PersistentVolumeSpec spec, FieldPath path, List<FieldError> errs) {
    String inline = "may not be specified in the context of inline volumes";
    if (spec.claimRef() != null) {
      errs.add(FieldError.forbidden(path.child("claimRef"), inline));
    }
    if (!spec.capacity().isEmpty()) {
      errs.add(FieldError.forbidden(path.child("capacity"), inline));
    }
    if (!(spec.source() instanceof CSIPersistentVolumeSource)) {
      errs.add(FieldError.required(path.child("csi"), "has to be specified in the context of inline volumes"));
    }
    if (spec.accessModes().isEmpty()) {
      errs.add(FieldError.required(path.child("accessModes"), ""));
    }
  }

  /** {@code validateVolumeAttachmentStatus}: metadata size, error messages and codes. */
  public static void validateVolumeAttachmentStatus(
      VolumeAttachment.Status status, FieldPath path, List<FieldError> errs) {
    long size = 0;
    for (Map.Entry<String, String> e : status.attachmentMetadata().entrySet()) {
      size += e.getKey().getBytes(StandardCharsets.UTF_8).length
          + e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    if (size > MAX_ATTACHED_VOLUME_METADATA_SIZE) {
      errs.add(FieldError.tooLong(path.child("attachmentMetadata"), MAX_ATTACHED_VOLUME_METADATA_SIZE));
    }
    validateVolumeError(status.attachError(), path.child("attachError"), errs);
    validateVolumeError(status.detachError(), path.child("detachError"), errs);
  }

  private static void validateVolumeError(VolumeAttachment.VolumeError e, FieldPath path, List<FieldError> errs) {
    if (e == null) {
      return;
    }
    if (e.message() != null && e.message().getBytes(StandardCharsets.UTF_8).length > MAX_VOLUME_ERROR_MESSAGE_SIZE) {
      // Upstream checks the 1024-byte limit but names the metadata limit in the message.
      errs.add(FieldError.tooLong(path.child("message"), MAX_ATTACHED_VOLUME_METADATA_SIZE));
    }
    if (e.errorCode() != null && e.errorCode() < 0) {
      errs.add(FieldError.invalid(path.child("errorCode"), e.errorCode(),
          "must be between 0 and " + Integer.MAX_VALUE + ", inclusive"));
    }
  }

  /** The errors without repeats of the same rendered message, first occurrence kept. */
  private static List<FieldError> distinct(List<FieldError> errs) {
    Set<String> seen = new LinkedHashSet<>();
    List<FieldError> out = new ArrayList<>();
    for (FieldError e : errs) {
      if (seen.add(e.toString())) {
        out.add(e);
      }
    }
    return out;
  }
}
