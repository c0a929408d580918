// Boots GraphiQL on the router's endpoint. The server injects the config as
// JSON in #nexus-graphiql-config; everything is served by the router itself,
// so this page works with no internet access. Our plugins (the query plan
// view, nexus-query-plan.js) and the fetcher (nexus-fetcher.js: HTTP for
// queries and mutations, graphql-transport-ws for subscriptions) load
// before this script. A first visit opens the server's default tabs (the
// catalog query and a live catalogEvents subscription); later visits restore
// the tabs GraphiQL stored.
(function () {
  'use strict';
  var cfg = JSON.parse(document.getElementById('nexus-graphiql-config').textContent);
  document.title = cfg.title + ' GraphiQL';
  var fetcher = NexusGraphiQL.createFetcher({ url: cfg.endpoint });
  var plugins = [NexusGraphiQL.queryPlanPlugin(cfg.endpoint)];
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: cfg.defaultQuery,
      defaultTabs: cfg.defaultTabs,
      plugins: plugins,
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: false
    })
  );
})();
