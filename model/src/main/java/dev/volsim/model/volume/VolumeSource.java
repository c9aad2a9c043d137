package dev.volsim.model.volume;

/**
 * The source of a Pod volume: one record per type of the API's {@code VolumeSource}, each naming
 * its key with {@link dev.volsim.model.WireName}. Sealed, so a switch over it is exhaustive and
 * adding a type breaks compilation wherever it must be handled. The order of {@code permits} is
 * the order in which the API server checks the types ({@code validateVolumeSource}).
 */
public sealed interface VolumeSource
    permits EmptyDirVolumeSource,
        HostPathVolumeSource,
        GitRepoVolumeSource,
        GCEPersistentDiskVolumeSource,
        AWSElasticBlockStoreVolumeSource,
        SecretVolumeSource,
        NFSVolumeSource,
        ISCSIVolumeSource,
        GlusterfsVolumeSource,
        FlockerVolumeSource,
        PersistentVolumeClaimVolumeSource,
        RBDVolumeSource,
        CinderVolumeSource,
        CephFSVolumeSource,
        QuobyteVolumeSource,
        DownwardAPIVolumeSource,
        FCVolumeSource,
        FlexVolumeSource,
        ConfigMapVolumeSource,
        AzureFileVolumeSource,
        VsphereVirtualDiskVolumeSource,
        PhotonPersistentDiskVolumeSource,
        PortworxVolumeSource,
        AzureDiskVolumeSource,
        StorageOSVolumeSource,
        ProjectedVolumeSource,
        ScaleIOVolumeSource,
        CSIVolumeSource,
        EphemeralVolumeSource,
        ImageVolumeSource {}
