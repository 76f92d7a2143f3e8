// Hosts (in-process and as processes) share the two CPU cores and the Azurite instance; one integration test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
