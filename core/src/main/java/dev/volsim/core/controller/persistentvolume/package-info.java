/**
 * The PV controller, after Kubernetes' {@code pkg/controller/volume/persistentvolume}: it binds
 * claims to volumes ({@link dev.volsim.core.controller.persistentvolume.PersistentVolumeController},
 * {@code syncClaim}/{@code syncVolume}), matches them through an index by access modes, class and
 * capacity ({@code PersistentVolumeOrderedIndex}), provisions through in-tree plugins or by handing
 * claims to an external provisioner, and reclaims released volumes. Also the simulated CSI
 * {@link dev.volsim.core.controller.persistentvolume.ExternalProvisioner}. Annotation names and
 * matching helpers are in {@link dev.volsim.core.controller.persistentvolume.PvHelpers}.
 */
package dev.volsim.core.controller.persistentvolume;
