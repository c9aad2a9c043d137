/**
 * Node lifecycle: the {@link dev.volsim.core.controller.nodelifecycle.NodeLifecycleController}
 * (node health from kubelet heartbeats, the Ready condition, the not-ready/unreachable taints), the
 * {@link dev.volsim.core.controller.nodelifecycle.TaintEvictionController} (deletes Pods from
 * NoExecute-tainted nodes after their toleration) and the
 * {@link dev.volsim.core.controller.nodelifecycle.PodGcController} (force-deletes Pods whose node
 * is gone or out of service), as kube-controller-manager runs them.
 */
package dev.volsim.core.controller.nodelifecycle;
