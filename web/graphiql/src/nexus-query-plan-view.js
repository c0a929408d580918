// Renders a router query plan (extensions.queryPlan: graphql-go-tools'
// FetchTreeQueryPlanNode) as a tree: Sequence and Parallel groups holding
// fetches, each naming its subgraph, kind, response path, the fetches it
// waits for and the query it sends. Props in, elements out; no state.
(function () {
  'use strict';
  var h = React.createElement;
  var ns = (window.NexusGraphiQL = window.NexusGraphiQL || {});

  // Entity kinds call the subgraph's _entities field with representations
  // taken from earlier fetches; a Single fetch calls a root field.
  var ENTITY_KINDS = { Entity: true, BatchEntity: true, MultiEntity: true };

  var GROUP_HINTS = { Sequence: 'one after another', Parallel: 'at the same time' };

  // fetchesOf lists every fetch (and a subscription trigger) in plan order.
  function fetchesOf(node, out) {
    out = out || [];
    if (!node) return out;
    if (node.trigger) out.push(node.trigger);
    if (node.fetch) out.push(node.fetch);
    (node.children || []).forEach(function (c) { fetchesOf(c, out); });
    return out;
  }

  function Summary(props) {
    var all = fetchesOf(props.plan);
    var names = [];
    all.forEach(function (f) {
      if (names.indexOf(f.subgraphName) < 0) names.push(f.subgraphName);
    });
    var text = all.length === 0
      ? 'No subgraph is called: the router answers this operation itself.'
      : all.length + (all.length === 1 ? ' fetch' : ' fetches') + ' to ' + names.join(', ');
    return h('p', { className: 'nexus-plan-summary' }, text);
  }

  function ids(list) {
    return list.map(function (id) { return '#' + id; }).join(', ');
  }

  function Field(props) {
    return h(React.Fragment, null, h('dt', null, props.label), h('dd', null, props.children));
  }

  function Representations(props) {
    return h('ul', { className: 'nexus-plan-reps' }, props.reps.map(function (r, i) {
      return h('li', { key: i },
        h('code', null, r.typeName + (r.fieldName ? '.' + r.fieldName : '')), ' ', r.kind, ' ',
        h('code', null, r.fragment));
    }));
  }

  function Fetch(props) {
    var f = props.fetch;
    var entity = ENTITY_KINDS[f.kind] === true;
    var rows = [
      h(Field, { key: 'path', label: 'Path' },
        f.path ? h('code', null, f.path) : h('span', { className: 'nexus-plan-muted' }, 'operation root')),
      h(Field, { key: 'deps', label: 'Depends on' },
        f.dependsOnFetchIds && f.dependsOnFetchIds.length
          ? ids(f.dependsOnFetchIds)
          : h('span', { className: 'nexus-plan-muted' }, 'nothing')),
    ];
    if (f.mergedFetchIds && f.mergedFetchIds.length) {
      rows.push(h(Field, { key: 'merged', label: 'Merges' }, ids(f.mergedFetchIds)));
    }
    if (f.entries && f.entries.length) {
      rows.push(h(Field, { key: 'entries', label: 'Entries' }, f.entries.map(function (e) {
        return e.alias + (e.path ? ' at ' + e.path : '');
      }).join('; ')));
    }
    if (f.representations && f.representations.length) {
      rows.push(h(Field, { key: 'reps', label: 'Representations' }, h(Representations, { reps: f.representations })));
    }
    return h('section', { className: 'nexus-plan-fetch', 'data-kind': f.kind, 'data-subgraph': f.subgraphName },
      h('header', { className: 'nexus-plan-fetch-head' },
        h('span', { className: 'nexus-plan-fetch-id', title: 'fetch id' }, '#' + f.fetchId),
        h('span', { className: 'nexus-plan-subgraph', title: 'subgraph' }, f.subgraphName),
        h('span', {
          className: 'nexus-plan-kind' + (entity ? ' nexus-plan-kind-entity' : ''),
          title: entity ? 'entity fetch (_entities)' : 'root field fetch',
        }, f.kind)),
      h('dl', { className: 'nexus-plan-fields' }, rows),
      f.query ? h('pre', { className: 'nexus-plan-query' }, f.query) : null);
  }

  function PlanNode(props) {
    var node = props.node;
    if (!node) return null;
    if (node.kind === 'Sequence' || node.kind === 'Parallel') {
      var trigger = node.trigger ? h(Fetch, { fetch: node.trigger }) : null;
      return h('div', { className: 'nexus-plan-group', 'data-kind': node.kind },
        h('div', { className: 'nexus-plan-group-label' },
          node.kind, ' ', h('span', { className: 'nexus-plan-muted' }, GROUP_HINTS[node.kind])),
        trigger,
        h('ol', { className: 'nexus-plan-children' }, (node.children || []).map(function (c, i) {
          return h('li', { key: i }, h(PlanNode, { node: c }));
        })));
    }
    if (node.fetch) return h(Fetch, { fetch: node.fetch });
    return h('div', { className: 'nexus-plan-muted' }, 'Unknown plan node ' + node.kind);
  }

  // PlanView renders a whole plan: summary, tree and the raw JSON.
  ns.PlanView = function PlanView(props) {
    return h('div', { className: 'nexus-plan-view' },
      h(Summary, { plan: props.plan }),
      h(PlanNode, { node: props.plan }),
      h('details', { className: 'nexus-plan-raw' },
        h('summary', null, 'Raw JSON'),
        h('pre', null, JSON.stringify(props.plan, null, 2))));
  };

  // ErrorList renders GraphQL errors (message, code, path) or local ones.
  ns.ErrorList = function ErrorList(props) {
    return h('ul', { className: 'nexus-plan-errors', role: 'alert' }, props.errors.map(function (e, i) {
      var code = e.extensions && e.extensions.code;
      return h('li', { key: i },
        code ? h('span', { className: 'nexus-plan-error-code' }, code) : null,
        e.message,
        e.path ? h('span', { className: 'nexus-plan-muted' }, ' at ' + e.path.join('.')) : null);
    }));
  };
})();
