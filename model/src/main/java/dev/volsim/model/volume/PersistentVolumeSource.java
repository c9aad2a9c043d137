package dev.volsim.model.volume;

/**
 * The source of a PersistentVolume ({@code spec.nfs}, {@code spec.csi}, ...): one record per type
 * of the API's {@code PersistentVolumeSource}, each naming its key with
 * {@link dev.volsim.model.WireName}. Records whose struct is the same for Pods and PVs implement
 * both this and {@link VolumeSource}. The order of {@code permits} is the order in which the API
 * server checks the types ({@code ValidatePersistentVolumeSpec}).
 */
public sealed interface PersistentVolumeSource
    permits HostPathVolumeSource,
        GCEPersistentDiskVolumeSource,
        AWSElasticBlockStoreVolumeSource,
        GlusterfsPersistentVolumeSource,
        FlockerVolumeSource,
        NFSVolumeSource,
        RBDPersistentVolumeSource,
        QuobyteVolumeSource,
        CephFSPersistentVolumeSource,
        ISCSIPersistentVolumeSource,
        CinderPersistentVolumeSource,
        FCVolumeSource,
        FlexPersistentVolumeSource,
        AzureFilePersistentVolumeSource,
        VsphereVirtualDiskVolumeSource,
        PhotonPersistentDiskVolumeSource,
        PortworxVolumeSource,
        AzureDiskVolumeSource,
        ScaleIOPersistentVolumeSource,
        LocalVolumeSource,
        StorageOSPersistentVolumeSource,
        CSIPersistentVolumeSource {}
