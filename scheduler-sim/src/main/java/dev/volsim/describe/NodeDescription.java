package dev.volsim.describe;

import static dev.volsim.describe.DescribeWriter.LEVEL_0;
import static dev.volsim.describe.DescribeWriter.LEVEL_1;
import static dev.volsim.describe.GoText.v;

import dev.volsim.model.Quantity;
import dev.volsim.model.core.Container;
import dev.volsim.model.core.Event;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.NodeCondition;
import dev.volsim.model.core.NodeSystemInfo;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.core.Taint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * kubectl's {@code describeNode}: roles, labels, taints, conditions, addresses, capacity, system
 * info, the Pods that are not terminated with their requests and limits, and events. The node's
 * Lease is left out: volsim keeps none.
 */
final class NodeDescription {
  private NodeDescription() {}

  static String describe(Node node, List<Pod> pods, List<Event> events, Instant now) {
    DescribeWriter w = new DescribeWriter();
    var meta = node.metadata();
    w.write(LEVEL_0, "Name:\t%s\n", meta.name());
    TreeSet<String> roles = new TreeSet<>();
    for (Map.Entry<String, String> l : meta.labels().entrySet()) {
      if (l.getKey().startsWith("node-role.kubernetes.io/") && l.getKey().length() > "node-role.kubernetes.io/".length()) {
        roles.add(l.getKey().substring("node-role.kubernetes.io/".length()));
      } else if (l.getKey().equals("kubernetes.io/role") && !l.getValue().isEmpty()) {
        roles.add(l.getValue());
      }
    }
    w.write(LEVEL_0, "Roles:\t%s\n", roles.isEmpty() ? "<none>" : String.join(",", roles));
    Meta.labels(w, "Labels", meta.labels());
    Meta.annotations(w, "Annotations", meta.annotations());
    w.write(LEVEL_0, "CreationTimestamp:\t%s\n", GoText.rfc1123z(meta.creationTimestamp()));
    var spec = node.spec();
    List<Taint> taints = new ArrayList<>(spec == null ? List.of() : spec.taints());
    w.write(LEVEL_0, "Taints:\t");
    if (taints.isEmpty()) {
      w.line("<none>");
    } else {
      taints.sort(Comparator.comparing(t -> v(t.effect()) + "," + t.key()));
      for (int i = 0; i < taints.size(); i++) {
        Taint t = taints.get(i);
        String text = t.value() == null || t.value().isEmpty() ? t.key() + ":" + v(t.effect())
            : t.key() + "=" + t.value() + ":" + v(t.effect());
        w.write(LEVEL_0, i == 0 ? "%s\n" : "\t%s\n", text);
      }
    }
    w.write(LEVEL_0, "Unschedulable:\t%s\n", spec != null && spec.unschedulable());
    var status = node.status();
    if (status != null && !status.conditions().isEmpty()) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
      w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
      for (NodeCondition c : status.conditions()) {
        w.write(LEVEL_1, "%s \t%s \t%s \t%s \t%s \t%s\n", v(c.type()), v(c.status()),
            GoText.rfc1123z(c.lastHeartbeatTime()), GoText.rfc1123z(c.lastTransitionTime()), v(c.reason()),
            v(c.message()));
      }
    }
    w.write(LEVEL_0, "Addresses:\n");
    if (status != null) {
      for (var a : status.addresses()) {
        w.write(LEVEL_1, "%s:\t%s\n", v(a.type()), v(a.address()));
      }
      resources(w, "Capacity", status.capacity());
      resources(w, "Allocatable", status.allocatable());
    }
    NodeSystemInfo info = status == null ? null : status.nodeInfo();
    w.write(LEVEL_0, "System Info:\n");
    w.write(LEVEL_0, "  Machine ID:\t%s\n", info == null ? "" : v(info.machineID()));
    w.write(LEVEL_0, "  System UUID:\t%s\n", info == null ? "" : v(info.systemUUID()));
    w.write(LEVEL_0, "  Boot ID:\t%s\n", info == null ? "" : v(info.bootID()));
    w.write(LEVEL_0, "  Kernel Version:\t%s\n", info == null ? "" : v(info.kernelVersion()));
    w.write(LEVEL_0, "  OS Image:\t%s\n", info == null ? "" : v(info.osImage()));
    w.write(LEVEL_0, "  Operating System:\t%s\n", info == null ? "" : v(info.operatingSystem()));
    w.write(LEVEL_0, "  Architecture:\t%s\n", info == null ? "" : v(info.architecture()));
    w.write(LEVEL_0, "  Container Runtime Version:\t%s\n", info == null ? "" : v(info.containerRuntimeVersion()));
    w.write(LEVEL_0, "  Kubelet Version:\t%s\n", info == null ? "" : v(info.kubeletVersion()));
    if (spec != null && spec.podCIDR() != null && !spec.podCIDR().isEmpty()) {
      w.write(LEVEL_0, "PodCIDR:\t%s\n", spec.podCIDR());
    }
    if (spec != null && !spec.podCIDRs().isEmpty()) {
      w.write(LEVEL_0, "PodCIDRs:\t%s\n", String.join(",", spec.podCIDRs()));
    }
    if (spec != null && spec.providerID() != null && !spec.providerID().isEmpty()) {
      w.write(LEVEL_0, "ProviderID:\t%s\n", spec.providerID());
    }
    podsOnNode(w, node, pods, now);
    if (events != null) {
      Events.describe(events, now, w);
    }
    return w.text();
  }

  private static void resources(DescribeWriter w, String title, Map<String, Quantity> list) {
    if (list.isEmpty()) {
      return;
    }
    w.write(LEVEL_0, "%s:\n", title);
    for (Map.Entry<String, Quantity> e : list.entrySet()) {
      w.write(LEVEL_0, "  %s:\t%s\n", e.getKey(), e.getValue().toString());
    }
  }

  /** {@code describeNodeResource}: the node's Pods that are neither Succeeded nor Failed. */
  private static void podsOnNode(DescribeWriter w, Node node, List<Pod> all, Instant now) {
    List<Pod> pods = new ArrayList<>();
    for (Pod p : all) {
      PodPhase phase = p.status() == null ? null : p.status().phase();
      if (node.metadata().name().equals(p.spec().nodeName()) && phase != PodPhase.SUCCEEDED
          && phase != PodPhase.FAILED) {
        pods.add(p);
      }
    }
    var status = node.status();
    Map<String, Quantity> allocatable = status == null ? Map.of()
        : status.allocatable().isEmpty() ? status.capacity() : status.allocatable();
    w.write(LEVEL_0, "Non-terminated Pods:\t(%s in total)\n", pods.size());
    w.write(LEVEL_1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
    w.write(LEVEL_1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
    Totals total = new Totals();
    for (Pod p : pods) {
      Totals t = Totals.of(p);
      total.add(t);
      w.write(LEVEL_1, "%s\t%s\t\t%s\t%s\t%s\t%s\t%s\n", p.metadata().namespace(), p.metadata().name(),
          share(t.cpuRequests, allocatable.get("cpu"), true), share(t.cpuLimits, allocatable.get("cpu"), true),
          share(t.memoryRequests, allocatable.get("memory"), false),
          share(t.memoryLimits, allocatable.get("memory"), false), GoText.since(p.metadata().creationTimestamp(), now));
    }
    w.write(LEVEL_0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
    w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
    w.write(LEVEL_1, "--------\t--------\t------\n");
    w.write(LEVEL_1, "%s\t%s\t%s\n", "cpu", share(total.cpuRequests, allocatable.get("cpu"), true),
        share(total.cpuLimits, allocatable.get("cpu"), true));
    w.write(LEVEL_1, "%s\t%s\t%s\n", "memory", share(total.memoryRequests, allocatable.get("memory"), false),
        share(total.memoryLimits, allocatable.get("memory"), false));
    w.write(LEVEL_1, "%s\t%s\t%s\n", "ephemeral-storage",
        share(total.storageRequests, allocatable.get("ephemeral-storage"), false),
        share(total.storageLimits, allocatable.get("ephemeral-storage"), false));
  }

  /** {@code "%s (%d%%)"}: the quantity and its whole percentage of the allocatable amount. */
  private static String share(Quantity q, Quantity allocatable, boolean milli) {
    Quantity value = q == null ? Quantity.of(0, Quantity.Format.DECIMAL_SI) : q;
    long percent = 0;
    if (allocatable != null) {
      double whole = milli ? allocatable.milliValue() : allocatable.value().doubleValue();
      double part = milli ? value.milliValue() : value.value().doubleValue();
      percent = whole == 0 ? 0 : (long) (part / whole * 100);
    }
    return value + " (" + percent + "%)";
  }

  /** A Pod's requests and limits: the sum over its containers, at least the largest init container's. */
  private static final class Totals {
    Quantity cpuRequests;
    Quantity cpuLimits;
    Quantity memoryRequests;
    Quantity memoryLimits;
    Quantity storageRequests;
    Quantity storageLimits;

    static Totals of(Pod p) {
      Totals sum = new Totals();
      for (Container c : p.spec().containers()) {
        sum.add(container(c));
      }
      for (Container c : p.spec().initContainers()) {
        sum.max(container(c));
      }
      return sum;
    }

    private static Totals container(Container c) {
      Totals t = new Totals();
      if (c.resources() != null) {
        Map<String, Quantity> r = c.resources().requests();
        Map<String, Quantity> l = c.resources().limits();
        t.cpuRequests = r.get("cpu");
        t.memoryRequests = r.get("memory");
        t.storageRequests = r.get("ephemeral-storage");
        t.cpuLimits = l.get("cpu");
        t.memoryLimits = l.get("memory");
        t.storageLimits = l.get("ephemeral-storage");
      }
      return t;
    }

    void add(Totals o) {
      cpuRequests = plus(cpuRequests, o.cpuRequests);
      cpuLimits = plus(cpuLimits, o.cpuLimits);
      memoryRequests = plus(memoryRequests, o.memoryRequests);
      memoryLimits = plus(memoryLimits, o.memoryLimits);
      storageRequests = plus(storageRequests, o.storageRequests);
      storageLimits = plus(storageLimits, o.storageLimits);
    }

    void max(Totals o) {
      cpuRequests = larger(cpuRequests, o.cpuRequests);
      cpuLimits = larger(cpuLimits, o.cpuLimits);
      memoryRequests = larger(memoryRequests, o.memoryRequests);
      memoryLimits = larger(memoryLimits, o.memoryLimits);
      storageRequests = larger(storageRequests, o.storageRequests);
      storageLimits = larger(storageLimits, o.storageLimits);
    }

    private static Quantity plus(Quantity a, Quantity b) {
      return a == null ? b : b == null ? a : a.add(b);
    }

    private static Quantity larger(Quantity a, Quantity b) {
      return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }
  }
}
