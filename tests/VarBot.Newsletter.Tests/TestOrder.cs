using VarBot.TestSupport;

// Collections with long tests start first, so they overlap instead of one running alone at the end (issue 10: test.sh time).
[assembly: TestCollectionOrderer(SlowFirstCollectionOrderer.TypeName, SlowFirstCollectionOrderer.AssemblyName)]
