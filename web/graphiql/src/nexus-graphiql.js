// Boots GraphiQL on the router's endpoint. The server injects the config as
// JSON in #nexus-graphiql-config; everything is served by the router itself,
// so this page works with no internet access. Our plugins (the query plan
// view, nexus-query-plan.js) load before this script.
(function () {
  'use strict';
  var cfg = JSON.parse(document.getElementById('nexus-graphiql-config').textContent);
  document.title = cfg.title + ' GraphiQL';
  var fetcher = GraphiQL.createFetcher({ url: cfg.endpoint });
  var plugins = [NexusGraphiQL.queryPlanPlugin(cfg.endpoint)];
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: cfg.defaultQuery,
      plugins: plugins,
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: false
    })
  );
})();
