package dev.volsim.describe;

import static dev.volsim.describe.DescribeWriter.LEVEL_0;
import static dev.volsim.describe.DescribeWriter.LEVEL_1;
import static dev.volsim.describe.DescribeWriter.LEVEL_2;
import static dev.volsim.describe.DescribeWriter.LEVEL_3;
import static dev.volsim.describe.GoText.v;

import dev.volsim.model.OwnerReference;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.Container;
import dev.volsim.model.core.ContainerState;
import dev.volsim.model.core.ContainerStatus;
import dev.volsim.model.core.EnvVar;
import dev.volsim.model.core.Event;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodCondition;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.core.PodSpec;
import dev.volsim.model.core.PodStatus;
import dev.volsim.model.core.ResourceRequirements;
import dev.volsim.model.core.Toleration;
import dev.volsim.model.core.VolumeMount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code describePod} of kubectl's pkg/describe/describe.go. */
final class PodDescription {
  /** kubectl's {@code maxAnnotationLen}. */
  static final int MAX_ANNOTATION_LEN = 140;

  private PodDescription() {}

  static String describe(Pod pod, List<Event> events, Instant now) {
    DescribeWriter w = new DescribeWriter();
    PodSpec spec = pod.spec();
    PodStatus status = pod.status() == null ? emptyStatus() : pod.status();
    w.write(LEVEL_0, "Name:\t%s\n", pod.metadata().name());
    w.write(LEVEL_0, "Namespace:\t%s\n", pod.metadata().namespace());
    if (spec.priority() != null) {
      w.write(LEVEL_0, "Priority:\t%s\n", spec.priority());
    }
    if (spec.priorityClassName() != null && !spec.priorityClassName().isEmpty()) {
      w.write(LEVEL_0, "Priority Class Name:\t%s\n", spec.priorityClassName());
    }
    if (spec.serviceAccountName() != null && !spec.serviceAccountName().isEmpty()) {
      w.write(LEVEL_0, "Service Account:\t%s\n", spec.serviceAccountName());
    }
    if (spec.nodeName() == null || spec.nodeName().isEmpty()) {
      w.write(LEVEL_0, "Node:\t<none>\n");
    } else {
      w.write(LEVEL_0, "Node:\t%s\n", spec.nodeName() + "/" + v(status.hostIP()));
    }
    if (status.startTime() != null) {
      w.write(LEVEL_0, "Start Time:\t%s\n", GoText.rfc1123z(status.startTime()));
    }
    Meta.labels(w, "Labels", pod.metadata().labels());
    Meta.annotations(w, "Annotations", pod.metadata().annotations());
    if (pod.metadata().deletionTimestamp() != null && status.phase() != PodPhase.FAILED
        && status.phase() != PodPhase.SUCCEEDED) {
      w.write(LEVEL_0, "Status:\tTerminating (lasts %s)\n", GoText.since(pod.metadata().deletionTimestamp(), now));
      w.write(LEVEL_0, "Termination Grace Period:\t%ss\n", v(pod.metadata().deletionGracePeriodSeconds()));
    } else {
      w.write(LEVEL_0, "Status:\t%s\n", v(status.phase()));
    }
    if (status.reason() != null && !status.reason().isEmpty()) {
      w.write(LEVEL_0, "Reason:\t%s\n", status.reason());
    }
    if (status.message() != null && !status.message().isEmpty()) {
      w.write(LEVEL_0, "Message:\t%s\n", status.message());
    }
    w.write(LEVEL_0, "IP:\t%s\n", v(status.podIP()));
    if (status.podIPs() == null || status.podIPs().isEmpty()) {
      w.write(LEVEL_0, "IPs:\t<none>\n");
    } else {
      w.write(LEVEL_0, "IPs:\n");
      for (var ip : status.podIPs()) {
        w.write(LEVEL_1, "IP:\t%s\n", v(ip.ip()));
      }
    }
    for (OwnerReference o : pod.metadata().ownerReferences()) {
      if (Boolean.TRUE.equals(o.controller())) {
        w.write(LEVEL_0, "Controlled By:\t%s\n", o.kind() + "/" + o.name());
        break;
      }
    }
    if (status.nominatedNodeName() != null && !status.nominatedNodeName().isEmpty()) {
      w.write(LEVEL_0, "NominatedNodeName:\t%s\n", status.nominatedNodeName());
    }
    if (!spec.initContainers().isEmpty()) {
      containers("Init Containers", spec.initContainers(), status.initContainerStatuses(), pod, w);
    }
    containers("Containers", spec.containers(), status.containerStatuses(), pod, w);
    if (!status.conditions().isEmpty()) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
      for (PodCondition c : status.conditions()) {
        w.write(LEVEL_1, "%s \t%s \n", v(c.type()), v(c.status()));
      }
    }
    VolumeSourceLines.podVolumes(spec.volumes(), w);
    w.write(LEVEL_0, "QoS Class:\t%s\n", status.qosClass() != null ? status.qosClass().wire() : qosClass(spec));
    Meta.labels(w, "Node-Selectors", spec.nodeSelector());
    tolerations(spec.tolerations(), w);
    if (events != null) {
      Events.describe(events, now, w);
    }
    return w.text();
  }

  private static PodStatus emptyStatus() {
    return new PodStatus(null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  private static void containers(String label, List<Container> containers, List<ContainerStatus> statuses, Pod pod,
      DescribeWriter w) {
    Map<String, ContainerStatus> byName = new LinkedHashMap<>();
    for (ContainerStatus s : statuses) {
      byName.put(s.name(), s);
    }
    w.write(LEVEL_0, "%s:%s\n", label, containers.isEmpty() ? " <none>" : "");
    for (Container c : containers) {
      ContainerStatus status = byName.get(c.name());
      w.write(LEVEL_1, "%s:\n", c.name());
      if (status != null) {
        w.write(LEVEL_2, "Container ID:\t%s\n", v(status.containerID()));
      }
      w.write(LEVEL_2, "Image:\t%s\n", v(c.image()));
      if (status != null) {
        w.write(LEVEL_2, "Image ID:\t%s\n", v(status.imageID()));
      }
      ports(c, w);
      command("Command", c.command(), w);
      command("Args", c.args(), w);
      if (status != null) {
        state("State", status.state(), w);
        if (status.lastState() != null && status.lastState().terminated() != null) {
          state("Last State", status.lastState(), w);
        }
        w.write(LEVEL_2, "Ready:\t%s\n", GoText.bool(status.ready()));
        w.write(LEVEL_2, "Restart Count:\t%s\n", status.restartCount());
      }
      resources(c.resources(), w);
      env(c, pod, w);
      mounts(c, w);
    }
  }

  private static void ports(Container c, DescribeWriter w) {
    List<String> ports = new ArrayList<>();
    List<String> hostPorts = new ArrayList<>();
    for (var p : c.ports()) {
      String name = p.name() == null || p.name().isEmpty() ? "" : " (" + p.name() + ")";
      ports.add(p.containerPort() + "/" + v(p.protocol()) + name);
      hostPorts.add(p.hostPort() + "/" + v(p.protocol()) + name);
    }
    String port = String.join(", ", ports);
    String hostPort = String.join(", ", hostPorts);
    w.write(LEVEL_2, port.contains(",") ? "Ports:\t%s\n" : "Port:\t%s\n", port.isEmpty() ? "<none>" : port);
    w.write(LEVEL_2, hostPort.contains(",") ? "Host Ports:\t%s\n" : "Host Port:\t%s\n",
        hostPort.isEmpty() ? "<none>" : hostPort);
  }

  private static void command(String title, List<String> parts, DescribeWriter w) {
    if (parts.isEmpty()) {
      return;
    }
    w.write(LEVEL_2, "%s:\n", title);
    for (String part : parts) {
      for (String s : part.split("\n", -1)) {
        w.write(LEVEL_3, "%s\n", s);
      }
    }
  }

  /** {@code describeStatus}. */
  private static void state(String name, ContainerState state, DescribeWriter w) {
    if (state != null && state.running() != null) {
      w.write(LEVEL_2, "%s:\tRunning\n", name);
      w.write(LEVEL_3, "Started:\t%s\n", GoText.rfc1123z(state.running().startedAt()));
    } else if (state != null && state.waiting() != null) {
      w.write(LEVEL_2, "%s:\tWaiting\n", name);
      if (state.waiting().reason() != null && !state.waiting().reason().isEmpty()) {
        w.write(LEVEL_3, "Reason:\t%s\n", state.waiting().reason());
      }
    } else if (state != null && state.terminated() != null) {
      var t = state.terminated();
      w.write(LEVEL_2, "%s:\tTerminated\n", name);
      if (t.reason() != null && !t.reason().isEmpty()) {
        w.write(LEVEL_3, "Reason:\t%s\n", t.reason());
      }
      if (t.message() != null && !t.message().isEmpty()) {
        w.write(LEVEL_3, "Message:\t%s\n", t.message());
      }
      w.write(LEVEL_3, "Exit Code:\t%s\n", t.exitCode());
      if (t.signal() > 0) {
        w.write(LEVEL_3, "Signal:\t%s\n", t.signal());
      }
      w.write(LEVEL_3, "Started:\t%s\n", GoText.rfc1123z(t.startedAt()));
      w.write(LEVEL_3, "Finished:\t%s\n", GoText.rfc1123z(t.finishedAt()));
    } else {
      w.write(LEVEL_2, "%s:\tWaiting\n", name);
    }
  }

  private static void resources(ResourceRequirements r, DescribeWriter w) {
    if (r == null) {
      return;
    }
    if (!r.limits().isEmpty()) {
      w.write(LEVEL_2, "Limits:\n");
      for (Map.Entry<String, Quantity> e : r.limits().entrySet()) {
        w.write(LEVEL_3, "%s:\t%s\n", e.getKey(), e.getValue().toString());
      }
    }
    if (!r.requests().isEmpty()) {
      w.write(LEVEL_2, "Requests:\n");
      for (Map.Entry<String, Quantity> e : r.requests().entrySet()) {
        w.write(LEVEL_3, "%s:\t%s\n", e.getKey(), e.getValue().toString());
      }
    }
  }

  /** {@code describeContainerEnvVars} (environment from {@code envFrom} is left out). */
  private static void env(Container c, Pod pod, DescribeWriter w) {
    w.write(LEVEL_2, "Environment:%s\n", c.env().isEmpty() ? "\t<none>" : "");
    for (EnvVar e : c.env()) {
      var from = e.valueFrom();
      if (from == null) {
        String[] lines = v(e.value()).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          w.write(LEVEL_3, i == 0 ? "%s:\t%s\n" : "%s\t%s\n", i == 0 ? e.name() : "", lines[i]);
        }
      } else if (from.fieldRef() != null) {
        w.write(LEVEL_3, "%s:\t%s (%s:%s)\n", e.name(), v(FieldValues.of(pod, from.fieldRef().fieldPath())),
            v(from.fieldRef().apiVersion()), v(from.fieldRef().fieldPath()));
      } else if (from.resourceFieldRef() != null) {
        w.write(LEVEL_3, "%s:\t%s (%s)\n", e.name(), "", v(from.resourceFieldRef().resource()));
      } else if (from.secretKeyRef() != null) {
        w.write(LEVEL_3, "%s:\t<set to the key '%s' in secret '%s'>\tOptional: %s\n", e.name(),
            v(from.secretKeyRef().key()), v(from.secretKeyRef().name()),
            Boolean.TRUE.equals(from.secretKeyRef().optional()));
      } else if (from.configMapKeyRef() != null) {
        w.write(LEVEL_3, "%s:\t<set to the key '%s' of config map '%s'>\tOptional: %s\n", e.name(),
            v(from.configMapKeyRef().key()), v(from.configMapKeyRef().name()),
            Boolean.TRUE.equals(from.configMapKeyRef().optional()));
      }
    }
  }

  /** {@code describeContainerVolumes}: mounts sorted by mount path, flags {@code ro|rw} and {@code path="sub"}. */
  private static void mounts(Container c, DescribeWriter w) {
    String none = c.volumeMounts().isEmpty() ? "\t<none>" : "";
    w.write(LEVEL_2, "Mounts:%s\n", none);
    List<VolumeMount> sorted = new ArrayList<>(c.volumeMounts());
    sorted.sort(Comparator.comparing(VolumeMount::mountPath));
    for (VolumeMount m : sorted) {
      List<String> flags = new ArrayList<>();
      flags.add(m.readOnly() ? "ro" : "rw");
      if (m.subPath() != null && !m.subPath().isEmpty()) {
        flags.add("path=" + GoText.quote(m.subPath()));
      }
      w.write(LEVEL_3, "%s from %s (%s)\n", m.mountPath(), m.name(), String.join(",", flags));
    }
    if (!c.volumeDevices().isEmpty()) {
      w.write(LEVEL_2, "Devices:%s\n", none);
      List<dev.volsim.model.core.VolumeDevice> devices = new ArrayList<>(c.volumeDevices());
      devices.sort(Comparator.comparing(dev.volsim.model.core.VolumeDevice::devicePath));
      for (var d : devices) {
        w.write(LEVEL_3, "%s from %s\n", d.devicePath(), d.name());
      }
    }
  }

  /** {@code printPodTolerationsMultiline}: sorted by key. */
  private static void tolerations(List<Toleration> list, DescribeWriter w) {
    w.write(LEVEL_0, "Tolerations:\t");
    if (list.isEmpty()) {
      w.line("<none>");
      return;
    }
    List<Toleration> sorted = new ArrayList<>(list);
    sorted.sort(Comparator.comparing(t -> v(t.key())));
    boolean first = true;
    for (Toleration t : sorted) {
      if (!first) {
        w.write(LEVEL_0, "\t");
      }
      first = false;
      StringBuilder b = new StringBuilder(v(t.key()));
      if (t.value() != null && !t.value().isEmpty()) {
        b.append('=').append(t.value());
      }
      if (t.effect() != null && !t.effect().isEmpty()) {
        b.append(':').append(t.effect());
      }
      if ("Exists".equals(t.operator()) && (t.value() == null || t.value().isEmpty())) {
        boolean keyOrEffect = (t.key() != null && !t.key().isEmpty()) || (t.effect() != null && !t.effect().isEmpty());
        b.append(keyOrEffect ? " op=Exists" : "op=Exists");
      }
      if (t.tolerationSeconds() != null) {
        b.append(" for ").append(t.tolerationSeconds()).append('s');
      }
      w.write(LEVEL_0, "%s\n", b.toString());
    }
  }

  /** {@code qos.GetPodQOS}: BestEffort without requests or limits; Guaranteed when limits equal requests for cpu and memory in every container. */
  static String qosClass(PodSpec spec) {
    List<Container> all = new ArrayList<>(spec.initContainers());
    all.addAll(spec.containers());
    Map<String, Quantity> requests = new LinkedHashMap<>();
    Map<String, Quantity> limits = new LinkedHashMap<>();
    boolean guaranteed = true;
    for (Container c : all) {
      ResourceRequirements r = c.resources();
      Map<String, Quantity> req = r == null ? Map.of() : r.requests();
      Map<String, Quantity> lim = r == null ? Map.of() : r.limits();
      for (String name : List.of("cpu", "memory")) {
        if (req.containsKey(name) && !req.get(name).isZero()) {
          requests.merge(name, req.get(name), Quantity::add);
        }
        if (lim.containsKey(name) && !lim.get(name).isZero()) {
          limits.merge(name, lim.get(name), Quantity::add);
        }
      }
      if (!lim.containsKey("cpu") || !lim.containsKey("memory")) {
        guaranteed = false;
      }
    }
    if (requests.isEmpty() && limits.isEmpty()) {
      return "BestEffort";
    }
    if (guaranteed) {
      for (Map.Entry<String, Quantity> e : requests.entrySet()) {
        Quantity l = limits.get(e.getKey());
        if (l == null || l.compareTo(e.getValue()) != 0) {
          guaranteed = false;
        }
      }
    }
    return guaranteed && limits.size() == requests.size() ? "Guaranteed" : "Burstable";
  }
}
