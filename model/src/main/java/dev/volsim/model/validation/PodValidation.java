package dev.volsim.model.validation;

import dev.volsim.model.ObjectMeta;
import dev.volsim.model.Quantity;
import dev.volsim.model.WireName;
import dev.volsim.model.core.Affinity;
import dev.volsim.model.core.ConfigMapKeySelector;
import dev.volsim.model.core.Container;
import dev.volsim.model.core.ContainerPort;
import dev.volsim.model.core.EnvFromSource;
import dev.volsim.model.core.EnvVar;
import dev.volsim.model.core.EnvVarSource;
import dev.volsim.model.core.MountPropagationMode;
import dev.volsim.model.core.NodeAffinity;
import dev.volsim.model.core.NodeSelector;
import dev.volsim.model.core.NodeSelectorRequirement;
import dev.volsim.model.core.NodeSelectorTerm;
import dev.volsim.model.core.ObjectFieldSelector;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodAffinityTerm;
import dev.volsim.model.core.PodSecurityContext;
import dev.volsim.model.core.PodSpec;
import dev.volsim.model.core.PodTemplateSpec;
import dev.volsim.model.core.PreferredSchedulingTerm;
import dev.volsim.model.core.RecursiveReadOnlyMode;
import dev.volsim.model.core.ResourceFieldSelector;
import dev.volsim.model.core.ResourceRequirements;
import dev.volsim.model.core.SecretKeySelector;
import dev.volsim.model.core.SecurityContext;
import dev.volsim.model.core.Toleration;
import dev.volsim.model.core.VolumeDevice;
import dev.volsim.model.core.VolumeMount;
import dev.volsim.model.core.WeightedPodAffinityTerm;
import dev.volsim.model.volume.Volume;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API server's validation of Pods and Pod templates ({@code ValidatePodCreate},
 * {@code ValidatePodSpec}, {@code ValidatePodTemplateSpec} and the container, mount, device,
 * environment, resource, security-context, toleration and affinity checks they call), with
 * upstream's field paths and messages, including its quirks: subPath, subPathExpr,
 * mountPropagation and recursiveReadOnly problems are reported on the {@code volumeMounts} list
 * path without the mount's index, as upstream does.
 *
 * <p>Not covered: probes and lifecycle hooks (not in the model), ephemeral containers, resource
 * claims, topology spread constraints, DNS config, OS-specific fields, seccomp/AppArmor, and the
 * {@code allowPrivilegeEscalation}/{@code privileged} consistency check.
 */
public final class PodValidation {
  private static final String ENV_VAR_RELAXED_MSG =
      "a valid environment variable name must consist only of printable ASCII characters other than '='";
  private static final Pattern PORT_NAME_CHARSET = Pattern.compile("[-a-z0-9]+");
  private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");
  private static final long MAX_ID = Integer.MAX_VALUE;
  private static final Set<String> STANDARD_CONTAINER_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage");
  private static final Set<String> STANDARD_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage",
      "requests.cpu", "requests.memory", "requests.ephemeral-storage", "limits.cpu", "limits.memory",
      "limits.ephemeral-storage", "pods", "services", "replicationcontrollers", "resourcequotas",
      "secrets", "configmaps", "persistentvolumeclaims", "requests.storage", "storage");
  private static final Set<String> ENV_FIELD_PATHS = Set.of("metadata.name", "metadata.namespace",
      "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs",
      "status.podIP", "status.podIPs");
  private static final List<String> CONTAINER_RESOURCE_FIELDS = List.of("limits.cpu",
      "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage",
      "requests.memory");

  private PodValidation() {}

  /** {@code ValidatePodCreate}: metadata, spec, and the checks upstream applies to Pods only. */
  public static List<FieldError> validatePod(Pod pod) {
    List<FieldError> errs = new ArrayList<>(
        ObjectMetaValidation.validate(pod.metadata(), true, Names::dns1123Subdomain));
    PodSpec spec = pod.spec() == null ? PodSpec.of(null, null).withPodDefaults() : pod.spec();
    FieldPath specPath = FieldPath.of("spec");
    validatePodSpec(spec, pod.metadata(), specPath, errs);
    validateContainersOnlyForPod(spec.containers(), specPath.child("containers"), errs);
    validateContainersOnlyForPod(spec.initContainers(), specPath.child("initContainers"), errs);
    return errs;
  }

  /**
   * {@code ValidatePodTemplateSpec}: the template's labels and annotations (reported under
   * {@code path.labels}, as upstream does, not {@code path.metadata.labels}) and its spec.
   */
  public static void validatePodTemplateSpec(PodTemplateSpec t, FieldPath path, List<FieldError> errs) {
    ObjectMetaValidation.validateLabels(t.metadata().labels(), path.child("labels"), errs);
    validateAnnotations(t.metadata().annotations(), path.child("annotations"), errs);
    PodSpec spec = t.spec() == null ? PodSpec.of(null, null) : t.spec();
    validatePodSpec(spec, null, path.child("spec"), errs);
  }

  /**
   * {@code ValidatePodSpec}.
   *
   * @param spec the spec
   * @param meta the Pod's metadata, or null for a template (ephemeral volume claim names need it)
   * @param specPath where the spec is, {@code spec} or {@code spec.template.spec}
   * @param errs where errors go
   */
  public static void validatePodSpec(PodSpec spec, ObjectMeta meta, FieldPath specPath, List<FieldError> errs) {
    if (spec.terminationGracePeriodSeconds() == null) {
      errs.add(FieldError.required(specPath.child("terminationGracePeriodSeconds"), ""));
    }
    Map<String, Volume> volumes =
        VolumeValidation.validateVolumes(meta, spec.volumes(), specPath.child("volumes"), errs);
    validateContainers(spec, volumes, specPath.child("containers"), errs);
    validateInitContainers(spec, volumes, specPath.child("initContainers"), errs);
    // validatePodHostNetworkDeps: a Pod's zero host ports were defaulted to the container port, so
    // the template rule (a set host port must equal the container port) covers Pods too.
    if (spec.hostNetwork()) {
      for (int i = 0; i < spec.containers().size(); i++) {
        List<ContainerPort> ports = spec.containers().get(i).ports();
        for (int j = 0; j < ports.size(); j++) {
          ContainerPort p = ports.get(j);
          if (p.hostPort() != 0 && p.hostPort() != p.containerPort()) {
            errs.add(FieldError.invalid(specPath.child("containers").index(i).child("ports").index(j)
                .child("hostPort"), p.hostPort(), "must match `containerPort` when `hostNetwork` is true"));
          }
        }
      }
    }
    // restartPolicy and dnsPolicy: unsupported values are reported by the decoder, null is defaulted.
    ObjectMetaValidation.validateLabels(spec.nodeSelector(), specPath.child("nodeSelector"), errs);
    validatePodSecurityContext(spec.securityContext(), specPath.child("securityContext"), errs);
    validateAffinity(spec.affinity(), specPath.child("affinity"), errs);
    if (notEmpty(spec.serviceAccountName())) {
      for (String msg : Names.dns1123Subdomain(spec.serviceAccountName())) {
        errs.add(FieldError.invalid(specPath.child("serviceAccountName"), spec.serviceAccountName(), msg));
      }
    }
    if (notEmpty(spec.nodeName())) {
      for (String msg : Names.dns1123Subdomain(spec.nodeName())) {
        errs.add(FieldError.invalid(specPath.child("nodeName"), spec.nodeName(), msg));
      }
    }
    if (spec.activeDeadlineSeconds() != null) {
      long v = spec.activeDeadlineSeconds();
      if (v < 1 || v > Integer.MAX_VALUE) {
        errs.add(FieldError.invalid(specPath.child("activeDeadlineSeconds"), v,
            inclusiveRange(1, Integer.MAX_VALUE)));
      }
    }
    if (notEmpty(spec.hostname())) {
      for (String msg : Names.dns1123Label(spec.hostname())) {
        errs.add(FieldError.invalid(specPath.child("hostname"), spec.hostname(), msg));
      }
    }
    if (notEmpty(spec.subdomain())) {
      for (String msg : Names.dns1123Label(spec.subdomain())) {
        errs.add(FieldError.invalid(specPath.child("subdomain"), spec.subdomain(), msg));
      }
    }
    validateTolerations(spec.tolerations(), specPath.child("tolerations"), errs);
    if (notEmpty(spec.priorityClassName())) {
      for (String msg : Names.dns1123Subdomain(spec.priorityClassName())) {
        errs.add(FieldError.invalid(specPath.child("priorityClassName"), spec.priorityClassName(), msg));
      }
    }
  }

  // ------------------------------------------------------------------ containers

  private static void validateContainers(
      PodSpec spec, Map<String, Volume> volumes, FieldPath path, List<FieldError> errs) {
    if (spec.containers().isEmpty()) {
      errs.add(FieldError.required(path, ""));
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < spec.containers().size(); i++) {
      Container c = spec.containers().get(i);
      FieldPath idx = path.index(i);
      validateContainerCommon(c, volumes, idx, errs);
      String name = c.name() == null ? "" : c.name();
      if (!names.add(name)) {
        errs.add(FieldError.duplicate(idx.child("name"), name));
      }
      if (c.restartPolicy() != null) {
        errs.add(FieldError.forbidden(idx.child("restartPolicy"), "may not be set for non-init containers"));
      }
    }
    checkHostPortConflicts(spec.containers(), path, errs);
  }

  private static void validateInitContainers(
      PodSpec spec, Map<String, Volume> volumes, FieldPath path, List<FieldError> errs) {
    Set<String> names = new HashSet<>();
    for (Container c : spec.containers()) {
      names.add(c.name() == null ? "" : c.name());
    }
    for (int i = 0; i < spec.initContainers().size(); i++) {
      Container c = spec.initContainers().get(i);
      FieldPath idx = path.index(i);
      validateContainerCommon(c, volumes, idx, errs);
      String name = c.name() == null ? "" : c.name();
      if (names.contains(name)) {
        errs.add(FieldError.duplicate(idx.child("name"), name));
      } else if (!name.isEmpty()) {
        names.add(name);
      }
      checkHostPortConflicts(List.of(c), path, errs);
    }
  }

  /** {@code validateContainerCommon}: what every container, init or regular, must satisfy. */
  private static void validateContainerCommon(
      Container c, Map<String, Volume> volumes, FieldPath path, List<FieldError> errs) {
    if (!notEmpty(c.name())) {
      errs.add(FieldError.required(path.child("name"), ""));
    } else {
      for (String msg : Names.dns1123Label(c.name())) {
        errs.add(FieldError.invalid(path.child("name"), c.name(), msg));
      }
    }
    if (!notEmpty(c.image())) {
      errs.add(FieldError.required(path.child("image"), ""));
    }
    validateContainerPorts(c.ports(), path.child("ports"), errs);
    validateEnv(c.env(), path.child("env"), errs);
    validateEnvFrom(c.envFrom(), path.child("envFrom"), errs);
    validateVolumeMounts(c, volumes, path.child("volumeMounts"), errs);
    validateVolumeDevices(c, volumes, path.child("volumeDevices"), errs);
    validateResourceRequirements(c.resources(), path.child("resources"), errs);
    validateSecurityContext(c.securityContext(), path.child("securityContext"), errs);
  }

  private static void validateContainersOnlyForPod(List<Container> containers, FieldPath path, List<FieldError> errs) {
    for (int i = 0; i < containers.size(); i++) {
      String image = containers.get(i).image();
      if (image != null && image.length() != image.strip().length()) {
        errs.add(FieldError.invalid(path.index(i).child("image"), image,
            "must not have leading or trailing whitespace"));
      }
    }
  }

  private static void validateContainerPorts(List<ContainerPort> ports, FieldPath path, List<FieldError> errs) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      ContainerPort p = ports.get(i);
      FieldPath idx = path.index(i);
      if (notEmpty(p.name())) {
        List<String> msgs = portNameErrors(p.name());
        if (!msgs.isEmpty()) {
          for (String msg : msgs) {
            errs.add(FieldError.invalid(idx.child("name"), p.name(), msg));
          }
        } else if (!names.add(p.name())) {
          errs.add(FieldError.duplicate(idx.child("name"), p.name()));
        }
      }
      if (p.containerPort() == 0) {
        errs.add(FieldError.required(idx.child("containerPort"), ""));
      } else if (p.containerPort() < 1 || p.containerPort() > 65535) {
        errs.add(FieldError.invalid(idx.child("containerPort"), p.containerPort(), inclusiveRange(1, 65535)));
      }
      if (p.hostPort() != 0 && (p.hostPort() < 1 || p.hostPort() > 65535)) {
        errs.add(FieldError.invalid(idx.child("hostPort"), p.hostPort(), inclusiveRange(1, 65535)));
      }
    }
  }

  /** {@code AccumulateUniqueHostPorts}: the same protocol/hostIP/hostPort twice is a duplicate. */
  private static void checkHostPortConflicts(List<Container> containers, FieldPath path, List<FieldError> errs) {
    Set<String> seen = new HashSet<>();
    for (int ci = 0; ci < containers.size(); ci++) {
      List<ContainerPort> ports = containers.get(ci).ports();
      for (int pi = 0; pi < ports.size(); pi++) {
        ContainerPort p = ports.get(pi);
        if (p.hostPort() == 0) {
          continue;
        }
        String key = p.protocol().wire() + "/" + (p.hostIP() == null ? "" : p.hostIP()) + "/" + p.hostPort();
        if (!seen.add(key)) {
          errs.add(FieldError.duplicate(path.index(ci).child("ports").index(pi).child("hostPort"), key));
        }
      }
    }
  }

  /** {@code IsValidPortName}: an IANA service name. */
  static List<String> portNameErrors(String port) {
    List<String> errs = new ArrayList<>();
    if (port.length() > 15) {
      errs.add(Names.maxLenError(15));
    }
    if (!PORT_NAME_CHARSET.matcher(port).matches()) {
      errs.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    } else if (!HAS_LETTER.matcher(port).matches()) {
      errs.add("must contain at least one letter (a-z)");
    }
    if (port.contains("--")) {
      errs.add("must not contain consecutive hyphens");
    }
    if (!port.isEmpty() && (port.charAt(0) == '-' || port.charAt(port.length() - 1) == '-')) {
      errs.add("must not begin or end with a hyphen");
    }
    return errs;
  }

  // ------------------------------------------------------------------ environment

  /**
   * {@code ValidateEnv}, with the relaxed names the API server accepts by default
   * (RelaxedEnvironmentVariableValidation): any printable ASCII but '='.
   */
  private static void validateEnv(List<EnvVar> vars, FieldPath path, List<FieldError> errs) {
    for (int i = 0; i < vars.size(); i++) {
      EnvVar ev = vars.get(i);
      FieldPath idx = path.index(i);
      if (!notEmpty(ev.name())) {
        errs.add(FieldError.required(idx.child("name"), ""));
      } else {
        for (String msg : relaxedEnvVarNameErrors(ev.name())) {
          errs.add(FieldError.invalid(idx.child("name"), ev.name(), msg));
        }
      }
      validateEnvVarValueFrom(ev, idx.child("valueFrom"), errs);
    }
  }

  private static List<String> relaxedEnvVarNameErrors(String name) {
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch > 0x7e || ch < 0x20 || ch == '=') {
        return List.of(ENV_VAR_RELAXED_MSG);
      }
    }
    return List.of();
  }

  private static void validateEnvVarValueFrom(EnvVar ev, FieldPath path, List<FieldError> errs) {
    EnvVarSource from = ev.valueFrom();
    if (from == null) {
      return;
    }
    int sources = 0;
    if (from.fieldRef() != null) {
      sources++;
      validateObjectFieldSelector(from.fieldRef(), path.child("fieldRef"), errs);
    }
    if (from.resourceFieldRef() != null) {
      sources++;
      validateResourceFieldSelector(from.resourceFieldRef(), path.child("resourceFieldRef"), errs);
    }
    if (from.configMapKeyRef() != null) {
      sources++;
      ConfigMapKeySelector s = from.configMapKeyRef();
      validateKeySelector(s.name(), s.key(), path.child("configMapKeyRef"), errs);
    }
    if (from.secretKeyRef() != null) {
      sources++;
      SecretKeySelector s = from.secretKeyRef();
      validateKeySelector(s.name(), s.key(), path.child("secretKeyRef"), errs);
    }
    if (sources == 0) {
      errs.add(FieldError.invalid(path, "",
          "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
    } else if (notEmpty(ev.value())) {
      errs.add(FieldError.invalid(path, "", "may not be specified when `value` is not empty"));
    } else if (sources > 1) {
      errs.add(FieldError.invalid(path, "", "may not have more than one field specified at a time"));
    }
  }

  private static void validateObjectFieldSelector(ObjectFieldSelector fs, FieldPath path, List<FieldError> errs) {
    if (!notEmpty(fs.fieldPath())) {
      errs.add(FieldError.required(path.child("fieldPath"), ""));
      return;
    }
    String fp = fs.fieldPath();
    int bracket = fp.indexOf('[');
    if (bracket > 0 && fp.endsWith("]")) {
      String base = fp.substring(0, bracket);
      String subscript = fp.substring(bracket + 1, fp.length() - 1);
      if (subscript.startsWith("'") && subscript.endsWith("'") && subscript.length() >= 2) {
        subscript = subscript.substring(1, subscript.length() - 1);
      }
      switch (base) {
        case "metadata.annotations" -> {
          for (String msg : Names.qualifiedName(subscript.toLowerCase(Locale.ROOT))) {
            errs.add(FieldError.invalid(path, subscript.toLowerCase(Locale.ROOT), msg));
          }
        }
        case "metadata.labels" -> {
          for (String msg : Names.qualifiedName(subscript)) {
            errs.add(FieldError.invalid(path, subscript, msg));
          }
        }
        default -> errs.add(FieldError.invalid(path, base, "does not support subscript"));
      }
    } else if (!ENV_FIELD_PATHS.contains(fp)) {
      errs.add(FieldError.notSupported(path.child("fieldPath"), fp,
          ENV_FIELD_PATHS.stream().sorted().toList()));
    }
  }

  private static void validateResourceFieldSelector(ResourceFieldSelector fs, FieldPath path, List<FieldError> errs) {
    if (!notEmpty(fs.resource())) {
      errs.add(FieldError.required(path.child("resource"), ""));
    } else if (!CONTAINER_RESOURCE_FIELDS.contains(fs.resource())
        && !fs.resource().startsWith("limits.hugepages-") && !fs.resource().startsWith("requests.hugepages-")) {
      errs.add(FieldError.notSupported(path.child("resource"), fs.resource(), CONTAINER_RESOURCE_FIELDS));
    }
  }

  private static void validateKeySelector(String name, String key, FieldPath path, List<FieldError> errs) {
    for (String msg : Names.dns1123Subdomain(name == null ? "" : name)) {
      errs.add(FieldError.invalid(path.child("name"), name == null ? "" : name, msg));
    }
    if (!notEmpty(key)) {
      errs.add(FieldError.required(path.child("key"), ""));
    } else {
      for (String msg : CoreValidation.configMapKey(key)) {
        errs.add(FieldError.invalid(path.child("key"), key, msg));
      }
    }
  }

  private static void validateEnvFrom(List<EnvFromSource> list, FieldPath path, List<FieldError> errs) {
    for (int i = 0; i < list.size(); i++) {
      EnvFromSource ev = list.get(i);
      FieldPath idx = path.index(i);
      if (notEmpty(ev.prefix())) {
        for (String msg : relaxedEnvVarNameErrors(ev.prefix())) {
          errs.add(FieldError.invalid(idx.child("prefix"), ev.prefix(), msg));
        }
      }
      int sources = 0;
      if (ev.configMapRef() != null) {
        sources++;
        validateRefName(ev.configMapRef().name(), idx.child("configMapRef").child("name"), errs);
      }
      if (ev.secretRef() != null) {
        sources++;
        validateRefName(ev.secretRef().name(), idx.child("secretRef").child("name"), errs);
      }
      if (sources == 0) {
        errs.add(FieldError.invalid(path, "", "must specify one of: `configMapRef` or `secretRef`"));
      } else if (sources > 1) {
        errs.add(FieldError.invalid(path, "", "may not have more than one field specified at a time"));
      }
    }
  }

  private static void validateRefName(String name, FieldPath path, List<FieldError> errs) {
    if (!notEmpty(name)) {
      errs.add(FieldError.required(path, ""));
      return;
    }
    // Names are checked as prefixes (trailing dashes allowed), as upstream passes prefix=true.
    String n = name.endsWith("-") ? name.substring(0, name.length() - 1) : name;
    for (String msg : Names.dns1123Subdomain(n)) {
      errs.add(FieldError.invalid(path, name, msg));
    }
  }

  // ------------------------------------------------------------------ mounts and devices

  /**
   * {@code ValidateVolumeMounts} for one container: names must be volumes of the Pod, mount paths
   * present and unique, no overlap with the container's volumeDevices, subPath and subPathExpr
   * relative without '..', propagation and recursive read-only consistent.
   */
  public static void validateVolumeMounts(
      Container c, Map<String, Volume> volumes, FieldPath path, List<FieldError> errs) {
    Map<String, String> devices = new HashMap<>();
    for (VolumeDevice d : c.volumeDevices()) {
      devices.put(nz(d.name()), nz(d.devicePath()));
    }
    Set<String> mountPoints = new HashSet<>();
    for (int i = 0; i < c.volumeMounts().size(); i++) {
      VolumeMount m = c.volumeMounts().get(i);
      FieldPath idx = path.index(i);
      String name = nz(m.name());
      String mountPath = nz(m.mountPath());
      if (name.isEmpty()) {
        errs.add(FieldError.required(idx.child("name"), ""));
      }
      if (!volumes.containsKey(name)) {
        errs.add(FieldError.notFound(idx.child("name"), name));
      }
      if (mountPath.isEmpty()) {
        errs.add(FieldError.required(idx.child("mountPath"), ""));
      }
      if (!mountPoints.add(mountPath)) {
        errs.add(FieldError.invalid(idx.child("mountPath"), mountPath, "must be unique"));
      }
      if (devices.containsKey(name)) {
        errs.add(FieldError.invalid(idx.child("name"), name, "must not already exist in volumeDevices"));
      }
      if (devices.containsValue(mountPath)) {
        errs.add(FieldError.invalid(idx.child("mountPath"), mountPath,
            "must not already exist as a path in volumeDevices"));
      }
      Volume v = volumes.get(name);
      if (v != null && "image".equals(sourceKey(v))) {
        if (notEmpty(m.subPath())) {
          errs.add(FieldError.invalid(idx.child("subPath"), m.subPath(), "not allowed in image volume sources"));
        }
        if (notEmpty(m.subPathExpr())) {
          errs.add(FieldError.invalid(idx.child("subPathExpr"), m.subPathExpr(),
              "not allowed in image volume sources"));
        }
      }
      if (notEmpty(m.subPath())) {
        validateLocalDescendingPath(m.subPath(), path.child("subPath"), errs);
      }
      if (notEmpty(m.subPathExpr())) {
        if (notEmpty(m.subPath())) {
          errs.add(FieldError.invalid(idx.child("subPathExpr"), m.subPathExpr(),
              "subPathExpr and subPath are mutually exclusive"));
        }
        validateLocalDescendingPath(m.subPathExpr(), path.child("subPathExpr"), errs);
      }
      if (m.mountPropagation() == MountPropagationMode.BIDIRECTIONAL && !c.isPrivileged()) {
        errs.add(FieldError.forbidden(path.child("mountPropagation"),
            "Bidirectional mount propagation is available only to privileged containers"));
      }
      RecursiveReadOnlyMode rro = m.recursiveReadOnly();
      if (rro == RecursiveReadOnlyMode.ENABLED || rro == RecursiveReadOnlyMode.IF_POSSIBLE) {
        if (!m.readOnly()) {
          errs.add(FieldError.forbidden(path.child("recursiveReadOnly"), "may only be specified when readOnly is true"));
        }
        if (m.mountPropagation() != null && m.mountPropagation() != MountPropagationMode.NONE) {
          errs.add(FieldError.forbidden(path.child("recursiveReadOnly"),
              "may only be specified when mountPropagation is None or not specified"));
        }
      }
    }
  }

  /**
   * {@code ValidateVolumeDevices} for one container: names must be PersistentVolumeClaim or
   * ephemeral volumes of the Pod, device paths present, unique and without '..', no overlap with
   * the container's volumeMounts.
   */
  public static void validateVolumeDevices(
      Container c, Map<String, Volume> volumes, FieldPath path, List<FieldError> errs) {
    Map<String, String> mounts = new HashMap<>();
    for (VolumeMount m : c.volumeMounts()) {
      mounts.put(nz(m.name()), nz(m.mountPath()));
    }
    Set<String> paths = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < c.volumeDevices().size(); i++) {
      VolumeDevice d = c.volumeDevices().get(i);
      FieldPath idx = path.index(i);
      String name = nz(d.name());
      String devPath = nz(d.devicePath());
      Volume v = volumes.get(name);
      boolean isPvc = v != null && ("persistentVolumeClaim".equals(sourceKey(v)) || "ephemeral".equals(sourceKey(v)));
      if (name.isEmpty()) {
        errs.add(FieldError.required(idx.child("name"), ""));
      }
      if (names.contains(name)) {
        errs.add(FieldError.invalid(idx.child("name"), name, "must be unique"));
      }
      if (v != null && !isPvc) {
        errs.add(FieldError.invalid(idx.child("name"), name,
            "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode"));
      }
      if (v == null) {
        errs.add(FieldError.notFound(idx.child("name"), name));
      }
      if (devPath.isEmpty()) {
        errs.add(FieldError.required(idx.child("devicePath"), ""));
      }
      if (paths.contains(devPath)) {
        errs.add(FieldError.invalid(idx.child("devicePath"), devPath, "must be unique"));
      }
      if (!devPath.isEmpty() && hasBacksteps(devPath)) {
        errs.add(FieldError.invalid(idx.child("devicePath"), devPath, "can not contain backsteps ('..')"));
      } else {
        paths.add(devPath);
      }
      if (mounts.containsKey(name)) {
        errs.add(FieldError.invalid(idx.child("name"), name, "must not already exist in volumeMounts"));
      }
      if (mounts.containsValue(devPath)) {
        errs.add(FieldError.invalid(idx.child("devicePath"), devPath, "must not already exist as a path in volumeMounts"));
      }
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
  }

  /** {@code validateLocalDescendingPath}: relative, and no '..' element. */
  public static void validateLocalDescendingPath(String target, FieldPath path, List<FieldError> errs) {
    if (target.startsWith("/")) {
      errs.add(FieldError.invalid(path, target, "must be a relative path"));
    }
    if (hasBacksteps(target)) {
      errs.add(FieldError.invalid(path, target, "must not contain '..'"));
    }
  }

  private static boolean hasBacksteps(String target) {
    for (String part : target.replace('\\', '/').split("/", -1)) {
      if (part.equals("..")) {
        return true;
      }
    }
    return false;
  }

  private static String sourceKey(Volume v) {
    if (v.source() == null) {
      return "";
    }
    WireName w = v.source().getClass().getAnnotation(WireName.class);
    return w == null ? "" : w.value();
  }

  // ------------------------------------------------------------------ resources

  /**
   * {@code ValidateContainerResourceRequirements}: resource names, non-negative (and, for extended
   * resources, integer) quantities, requests not above limits, and extended resources requested
   * exactly at their limit.
   */
  public static void validateResourceRequirements(ResourceRequirements r, FieldPath path, List<FieldError> errs) {
    FieldPath limPath = path.child("limits");
    FieldPath reqPath = path.child("requests");
    for (var e : r.limits().entrySet()) {
      FieldPath p = limPath.key(e.getKey());
      validateContainerResourceName(e.getKey(), p, errs);
      validateResourceQuantityValue(e.getKey(), e.getValue(), p, errs);
    }
    for (var e : r.requests().entrySet()) {
      String name = e.getKey();
      Quantity q = e.getValue();
      FieldPath p = reqPath.key(name);
      validateContainerResourceName(name, p, errs);
      validateResourceQuantityValue(name, q, p, errs);
      Quantity limit = r.limits().get(name);
      if (limit != null) {
        if (q.compareTo(limit) != 0 && !overcommitAllowed(name)) {
          errs.add(FieldError.invalid(reqPath, q.toString(),
              "must be equal to " + name + " limit of " + limit));
        } else if (q.compareTo(limit) > 0) {
          errs.add(FieldError.invalid(reqPath, q.toString(),
              "must be less than or equal to " + name + " limit of " + limit));
        }
      } else if (!overcommitAllowed(name)) {
        errs.add(FieldError.required(limPath, "Limit must be set for non overcommitable resources"));
      }
    }
  }

  private static void validateContainerResourceName(String name, FieldPath path, List<FieldError> errs) {
    List<String> qn = Names.qualifiedName(name);
    for (String msg : qn) {
      errs.add(FieldError.invalid(path, name, msg));
    }
    if (!qn.isEmpty()) {
      return;
    }
    if (!name.contains("/")) {
      if (!STANDARD_RESOURCES.contains(name) && !name.startsWith("hugepages-")) {
        errs.add(FieldError.invalid(path, name, "must be a standard resource type or fully qualified"));
      }
      if (!STANDARD_CONTAINER_RESOURCES.contains(name) && !name.startsWith("hugepages-")) {
        errs.add(FieldError.invalid(path, name, "must be a standard resource for containers"));
      }
    } else if (!isNative(name) && (name.startsWith("requests.") || name.contains("kubernetes.io/"))) {
      errs.add(FieldError.invalid(path, name, "doesn't follow extended resource name standard"));
    }
  }

  private static void validateResourceQuantityValue(String name, Quantity q, FieldPath path, List<FieldError> errs) {
    if (q.signum() < 0) {
      errs.add(FieldError.invalid(path, q.toString(), "must be greater than or equal to 0"));
    }
    if (isExtended(name) && q.milliValue() % 1000 != 0) {
      errs.add(FieldError.invalid(path, q.toString(), "must be an integer"));
    }
  }

  private static boolean isNative(String name) {
    return !name.contains("/") || name.contains("kubernetes.io/");
  }

  private static boolean isExtended(String name) {
    return !isNative(name) && !name.startsWith("requests.");
  }

  /** {@code IsOvercommitAllowed}: native resources other than huge pages. */
  private static boolean overcommitAllowed(String name) {
    return isNative(name) && !name.startsWith("hugepages-");
  }

  // ------------------------------------------------------------------ security

  private static void validatePodSecurityContext(PodSecurityContext sc, FieldPath path, List<FieldError> errs) {
    if (sc == null) {
      return;
    }
    if (sc.fsGroup() != null && !validId(sc.fsGroup())) {
      errs.add(FieldError.invalid(path.child("fsGroup"), sc.fsGroup(), inclusiveRange(0, MAX_ID)));
    }
    if (sc.runAsUser() != null && !validId(sc.runAsUser())) {
      errs.add(FieldError.invalid(path.child("runAsUser"), sc.runAsUser(), inclusiveRange(0, MAX_ID)));
    }
    if (sc.runAsGroup() != null && !validId(sc.runAsGroup())) {
      errs.add(FieldError.invalid(path.child("runAsGroup"), sc.runAsGroup(), inclusiveRange(0, MAX_ID)));
    }
    for (int g = 0; g < sc.supplementalGroups().size(); g++) {
      Long gid = sc.supplementalGroups().get(g);
      if (!validId(gid)) {
        errs.add(FieldError.invalid(path.child("supplementalGroups").index(g), gid, inclusiveRange(0, MAX_ID)));
      }
    }
  }

  private static void validateSecurityContext(SecurityContext sc, FieldPath path, List<FieldError> errs) {
    if (sc == null) {
      return;
    }
    if (sc.runAsUser() != null && !validId(sc.runAsUser())) {
      errs.add(FieldError.invalid(path.child("runAsUser"), sc.runAsUser(), inclusiveRange(0, MAX_ID)));
    }
    if (sc.runAsGroup() != null && !validId(sc.runAsGroup())) {
      errs.add(FieldError.invalid(path.child("runAsGroup"), sc.runAsGroup(), inclusiveRange(0, MAX_ID)));
    }
  }

  private static boolean validId(long id) {
    return id >= 0 && id <= MAX_ID;
  }

  // ------------------------------------------------------------------ scheduling

  /** {@code ValidateTolerations}. */
  public static void validateTolerations(List<Toleration> tolerations, FieldPath path, List<FieldError> errs) {
    for (int i = 0; i < tolerations.size(); i++) {
      Toleration t = tolerations.get(i);
      FieldPath idx = path.index(i);
      String key = nz(t.key());
      String op = nz(t.operator());
      String value = nz(t.value());
      String effect = nz(t.effect());
      if (!key.isEmpty()) {
        for (String msg : Names.qualifiedName(key)) {
          errs.add(FieldError.invalid(idx.child("key"), key, msg));
        }
      }
      if (key.isEmpty() && !op.equals("Exists")) {
        errs.add(FieldError.invalid(idx.child("operator"), op,
            "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
      }
      if (t.tolerationSeconds() != null && !effect.equals("NoExecute")) {
        errs.add(FieldError.invalid(idx.child("effect"), effect,
            "effect must be 'NoExecute' when `tolerationSeconds` is set"));
      }
      switch (op) {
        case "Equal", "" -> {
          List<String> msgs = Names.labelValue(value);
          if (!msgs.isEmpty()) {
            errs.add(FieldError.invalid(idx.child("operator"), value, String.join(";", msgs)));
          }
        }
        case "Exists" -> {
          if (!value.isEmpty()) {
            errs.add(FieldError.invalid(idx.child("operator"), value,
                "value must be empty when `operator` is 'Exists'"));
          }
        }
        default -> errs.add(FieldError.notSupported(idx.child("operator"), op, List.of("Equal", "Exists")));
      }
      if (!effect.isEmpty()) {
        validateTaintEffect(effect, idx.child("effect"), errs);
      }
    }
  }

  /** {@code validateTaintEffect} for a non-empty effect. */
  static void validateTaintEffect(String effect, FieldPath path, List<FieldError> errs) {
    switch (effect) {
      case "NoSchedule", "PreferNoSchedule", "NoExecute" -> { }
      default -> errs.add(FieldError.notSupported(path, effect, List.of("NoSchedule", "PreferNoSchedule", "NoExecute")));
    }
  }

  private static void validateAffinity(Affinity a, FieldPath path, List<FieldError> errs) {
    if (a == null) {
      return;
    }
    if (a.nodeAffinity() != null) {
      NodeAffinity na = a.nodeAffinity();
      FieldPath p = path.child("nodeAffinity");
      if (na.requiredDuringSchedulingIgnoredDuringExecution() != null) {
        validateNodeSelector(na.requiredDuringSchedulingIgnoredDuringExecution(),
            p.child("requiredDuringSchedulingIgnoredDuringExecution"), errs);
      }
      List<PreferredSchedulingTerm> preferred = na.preferredDuringSchedulingIgnoredDuringExecution();
      FieldPath pp = p.child("preferredDuringSchedulingIgnoredDuringExecution");
      for (int i = 0; i < preferred.size(); i++) {
        PreferredSchedulingTerm t = preferred.get(i);
        if (t.weight() <= 0 || t.weight() > 100) {
          errs.add(FieldError.invalid(pp.index(i).child("weight"), t.weight(), "must be in the range 1-100"));
        }
        NodeSelectorTerm term = t.preference() == null ? new NodeSelectorTerm(null, null) : t.preference();
        validateNodeSelectorTerm(term, true, pp.index(i).child("preference"), errs);
      }
    }
    if (a.podAffinity() != null) {
      validatePodAffinityTerms(a.podAffinity().requiredDuringSchedulingIgnoredDuringExecution(),
          a.podAffinity().preferredDuringSchedulingIgnoredDuringExecution(), path.child("podAffinity"), errs);
    }
    if (a.podAntiAffinity() != null) {
      validatePodAffinityTerms(a.podAntiAffinity().requiredDuringSchedulingIgnoredDuringExecution(),
          a.podAntiAffinity().preferredDuringSchedulingIgnoredDuringExecution(), path.child("podAntiAffinity"), errs);
    }
  }

  /** {@code ValidateNodeSelector}: at least one term, each term's requirements well formed. */
  public static void validateNodeSelector(NodeSelector ns, FieldPath path, List<FieldError> errs) {
    FieldPath terms = path.child("nodeSelectorTerms");
    if (ns.nodeSelectorTerms().isEmpty()) {
      errs.add(FieldError.required(terms, "must have at least one node selector term"));
      return;
    }
    for (int i = 0; i < ns.nodeSelectorTerms().size(); i++) {
      validateNodeSelectorTerm(ns.nodeSelectorTerms().get(i), false, terms.index(i), errs);
    }
  }

  private static void validateNodeSelectorTerm(
      NodeSelectorTerm term, boolean allowInvalidValues, FieldPath path, List<FieldError> errs) {
    for (int j = 0; j < term.matchExpressions().size(); j++) {
      NodeSelectorRequirement rq = term.matchExpressions().get(j);
      FieldPath p = path.child("matchExpressions").index(j);
      String op = rq.operator() == null ? "" : rq.operator().wire();
      int n = rq.values().size();
      switch (op) {
        case "In", "NotIn" -> {
          if (n == 0) {
            errs.add(FieldError.required(p.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
          }
        }
        case "Exists", "DoesNotExist" -> {
          if (n > 0) {
            errs.add(FieldError.forbidden(p.child("values"),
                "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
          }
        }
        case "Gt", "Lt" -> {
          if (n != 1) {
            errs.add(FieldError.required(p.child("values"),
                "must be specified single value when `operator` is 'Lt' or 'Gt'"));
          }
        }
        default -> errs.add(FieldError.invalid(p.child("operator"), op, "not a valid selector operator"));
      }
      for (String msg : Names.qualifiedName(nz(rq.key()))) {
        errs.add(FieldError.invalid(p.child("key"), nz(rq.key()), msg));
      }
      if (!allowInvalidValues) {
        for (int v = 0; v < n; v++) {
          for (String msg : Names.labelValue(rq.values().get(v))) {
            errs.add(FieldError.invalid(p.child("values").index(v), rq.values().get(v), msg));
          }
        }
      }
    }
    for (int j = 0; j < term.matchFields().size(); j++) {
      NodeSelectorRequirement rq = term.matchFields().get(j);
      FieldPath p = path.child("matchFields").index(j);
      String op = rq.operator() == null ? "" : rq.operator().wire();
      if (op.equals("In") || op.equals("NotIn")) {
        if (rq.values().size() != 1) {
          errs.add(FieldError.required(p.child("values"),
              "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
        }
      } else {
        errs.add(FieldError.invalid(p.child("operator"), op, "not a valid selector operator"));
      }
      if (!"metadata.name".equals(rq.key())) {
        errs.add(FieldError.invalid(p.child("key"), nz(rq.key()), "not a valid field selector key"));
      } else {
        for (int v = 0; v < rq.values().size(); v++) {
          for (String msg : Names.dns1123Subdomain(rq.values().get(v))) {
            errs.add(FieldError.invalid(p.child("values").index(v), rq.values().get(v), msg));
          }
        }
      }
    }
  }

  private static void validatePodAffinityTerms(List<PodAffinityTerm> required,
      List<WeightedPodAffinityTerm> preferred, FieldPath path, List<FieldError> errs) {
    FieldPath rp = path.child("requiredDuringSchedulingIgnoredDuringExecution");
    for (int i = 0; i < required.size(); i++) {
      validatePodAffinityTerm(required.get(i), rp.index(i), errs);
    }
    FieldPath pp = path.child("preferredDuringSchedulingIgnoredDuringExecution");
    for (int j = 0; j < preferred.size(); j++) {
      WeightedPodAffinityTerm w = preferred.get(j);
      if (w.weight() <= 0 || w.weight() > 100) {
        errs.add(FieldError.invalid(pp.index(j).child("weight"), w.weight(), "must be in the range 1-100"));
      }
      PodAffinityTerm t = w.podAffinityTerm() == null ? new PodAffinityTerm(null, null, null, null) : w.podAffinityTerm();
      validatePodAffinityTerm(t, pp.index(j).child("podAffinityTerm"), errs);
    }
  }

  private static void validatePodAffinityTerm(PodAffinityTerm t, FieldPath path, List<FieldError> errs) {
    for (String ns : t.namespaces()) {
      for (String msg : Names.dns1123Label(ns)) {
        errs.add(FieldError.invalid(path.child("namespace"), ns, msg));
      }
    }
    String key = nz(t.topologyKey());
    if (key.isEmpty()) {
      errs.add(FieldError.required(path.child("topologyKey"), "can not be empty"));
    }
    for (String msg : Names.qualifiedName(key)) {
      errs.add(FieldError.invalid(path.child("topologyKey"), key, msg));
    }
  }

  // ------------------------------------------------------------------ helpers

  private static void validateAnnotations(Map<String, String> annotations, FieldPath path, List<FieldError> errs) {
    long total = 0;
    for (var e : annotations.entrySet()) {
      for (String msg : Names.qualifiedName(e.getKey().toLowerCase(Locale.ROOT))) {
        errs.add(FieldError.invalid(path, e.getKey(), msg));
      }
      total += e.getKey().getBytes(StandardCharsets.UTF_8).length
          + e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    if (total > ObjectMetaValidation.TOTAL_ANNOTATION_SIZE_LIMIT) {
      errs.add(FieldError.tooLong(path, ObjectMetaValidation.TOTAL_ANNOTATION_SIZE_LIMIT));
    }
  }

  /** {@code InclusiveRangeError}. */
  static String inclusiveRange(long lo, long hi) {
    return "must be between " + lo + " and " + hi + ", inclusive";
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
