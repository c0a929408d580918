// The "Query plan" GraphiQL plugin. It sends the operation in the editor
// (query, variables, operation name and the user's headers) to the router
// with `X-Nexus-Query-Plan: only`, which plans the operation without calling
// any subgraph, and shows the plan with NexusGraphiQL.PlanView. The plan is
// fetched when the panel opens, again shortly after an edit, and on Refresh.
(function () {
  'use strict';
  var h = React.createElement;
  var ns = (window.NexusGraphiQL = window.NexusGraphiQL || {});

  // Quiet period after the last edit before the plan is asked for again.
  var EDIT_DELAY_MS = 400;

  function localError(message) {
    return { errors: [{ message: message }] };
  }

  // parseObject reads an editor's JSON; empty means none.
  function parseObject(text, what) {
    if (!text || !text.trim()) return undefined;
    var v;
    try {
      v = JSON.parse(text);
    } catch (e) {
      throw new Error(what + ' are not valid JSON: ' + e.message);
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      throw new Error(what + ' must be a JSON object.');
    }
    return v;
  }

  function isBlank(query) {
    return query.replace(/#[^\n\r]*/g, '').trim() === '';
  }

  // readRequest collects the request from the editors; throws on bad input.
  function readRequest(ctx, chosen) {
    var qe = ctx.queryEditor;
    var query = qe ? qe.getValue() : '';
    var names = ((qe && qe.operations) || []).map(function (op) { return op.name ? op.name.value : null; });
    var opName = chosen && names.indexOf(chosen) >= 0 ? chosen : (qe && qe.operationName) || null;
    return {
      query: query,
      names: names,
      operationName: opName,
      variables: parseObject(ctx.variableEditor ? ctx.variableEditor.getValue() : '', 'Variables'),
      headers: parseObject(ctx.headerEditor ? ctx.headerEditor.getValue() : '', 'Headers'),
    };
  }

  // fetchPlan POSTs the operation and resolves to { plan, errors, status }.
  function fetchPlan(endpoint, req, signal) {
    var headers = new Headers();
    Object.keys(req.headers || {}).forEach(function (k) {
      headers.set(k, String(req.headers[k]));
    });
    headers.set('Content-Type', 'application/json');
    headers.set('Accept', 'application/json');
    headers.set('X-Nexus-Query-Plan', 'only');
    var body = { query: req.query, variables: req.variables, operationName: req.operationName || undefined };
    return fetch(endpoint, { method: 'POST', headers: headers, body: JSON.stringify(body), signal: signal })
      .then(function (res) {
        return res.text().then(function (text) {
          var out;
          try {
            out = JSON.parse(text);
          } catch (e) {
            return localError('HTTP ' + res.status + ' ' + res.statusText + ': ' + text.slice(0, 500));
          }
          var plan = out && out.extensions && out.extensions.queryPlan;
          var errors = (out && out.errors) || [];
          if (!plan && errors.length === 0) {
            return localError('HTTP ' + res.status + ': the response holds no extensions.queryPlan.');
          }
          return { plan: plan || null, errors: errors };
        });
      });
  }

  function OperationPicker(props) {
    var named = props.names.filter(Boolean);
    if (props.names.length < 2) return null;
    return h('label', { className: 'nexus-plan-picker' }, 'Operation ',
      h('select', {
        value: props.value || '',
        onChange: function (e) { props.onChange(e.target.value); },
      }, named.map(function (n) { return h('option', { key: n, value: n }, n); })));
  }

  function Panel(props) {
    var ctx = GraphiQL.React.useEditorContext({ nonNull: true });
    var s = React.useState({ phase: 'idle' });
    var state = s[0], setState = s[1];
    var c = React.useState(null);
    var chosen = c[0], setChosen = c[1];
    var seq = React.useRef(0);
    var inflight = React.useRef(null);

    var refresh = React.useCallback(function () {
      var n = ++seq.current;
      if (inflight.current) inflight.current.abort();
      inflight.current = null;
      var req;
      try {
        req = readRequest(ctx, chosen);
      } catch (e) {
        setState({ phase: 'done', errors: [{ message: e.message }] });
        return;
      }
      if (isBlank(req.query)) {
        setState({ phase: 'empty' });
        return;
      }
      var ac = new AbortController();
      inflight.current = ac;
      setState(function (prev) { return Object.assign({}, prev, { phase: 'loading' }); });
      fetchPlan(props.endpoint, req, ac.signal).then(function (res) {
        if (n !== seq.current) return;
        setState({ phase: 'done', plan: res.plan, errors: res.errors, req: req, at: new Date() });
      }, function (err) {
        if (n !== seq.current || err.name === 'AbortError') return;
        setState({ phase: 'done', errors: [{ message: 'Could not reach the router: ' + err.message }] });
      });
    }, [ctx.queryEditor, ctx.variableEditor, ctx.headerEditor, chosen, props.endpoint]);

    React.useEffect(function () { refresh(); }, [refresh]);

    React.useEffect(function () {
      var timer = null;
      var later = function () {
        clearTimeout(timer);
        timer = setTimeout(refresh, EDIT_DELAY_MS);
      };
      var editors = [ctx.queryEditor, ctx.variableEditor, ctx.headerEditor].filter(Boolean);
      editors.forEach(function (ed) { ed.on('change', later); });
      return function () {
        clearTimeout(timer);
        editors.forEach(function (ed) { ed.off('change', later); });
      };
    }, [refresh]);

    React.useEffect(function () {
      return function () { if (inflight.current) inflight.current.abort(); };
    }, []);

    var body;
    if (state.phase === 'empty') {
      body = h('p', { className: 'nexus-plan-muted' }, 'Write an operation in the editor to see how the router plans it.');
    } else if (state.phase === 'idle' || (state.phase === 'loading' && !state.plan && !state.errors)) {
      body = h('p', { className: 'nexus-plan-muted' }, 'Planning…');
    } else {
      body = h(React.Fragment, null,
        state.errors && state.errors.length ? h(ns.ErrorList, { errors: state.errors }) : null,
        state.plan ? h(ns.PlanView, { plan: state.plan }) : null);
    }
    var names = state.req ? state.req.names : [];
    return h('div', { className: 'nexus-plan', 'aria-busy': state.phase === 'loading' },
      h('div', { className: 'nexus-plan-head' },
        h('div', { className: 'graphiql-doc-explorer-title' }, 'Query plan'),
        h('button', { type: 'button', className: 'graphiql-button nexus-plan-refresh', onClick: refresh }, 'Refresh')),
      h('p', { className: 'nexus-plan-muted nexus-plan-status' },
        state.phase === 'loading' ? 'Planning…'
          : state.at ? 'Planned ' + (state.req.operationName ? state.req.operationName + ' ' : '') +
            'at ' + state.at.toLocaleTimeString() + ' without calling subgraphs.'
            : ''),
      h(OperationPicker, { names: names, value: state.req && state.req.operationName, onChange: setChosen }),
      body);
  }

  function Icon() {
    var line = { stroke: 'currentColor', strokeWidth: 1.5, fill: 'none' };
    return h('svg', { viewBox: '0 0 24 24', width: '1em', height: '1em', 'aria-hidden': 'true' },
      h('rect', Object.assign({ x: 3, y: 3, width: 7, height: 5, rx: 1 }, line)),
      h('rect', Object.assign({ x: 14, y: 10, width: 7, height: 5, rx: 1 }, line)),
      h('rect', Object.assign({ x: 14, y: 17, width: 7, height: 5, rx: 1 }, line)),
      h('path', Object.assign({ d: 'M6.5 8v11.5H14M6.5 12.5H14' }, line)));
  }

  // queryPlanPlugin returns the GraphiQL plugin for the router at endpoint.
  ns.queryPlanPlugin = function (endpoint) {
    return {
      title: 'Query plan',
      icon: Icon,
      content: function QueryPlan() { return h(Panel, { endpoint: endpoint }); },
    };
  };
})();
