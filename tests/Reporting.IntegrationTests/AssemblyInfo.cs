// Hosts share the process-wide timer schedule and the two CPU cores; one integration test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
