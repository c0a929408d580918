// GraphiQL's fetcher for the router: subscriptions go over a WebSocket
// speaking graphql-transport-ws (the pinned graphql-ws client, global
// graphqlWs) to the same origin's GraphQL endpoint, so the page keeps within
// its CSP (connect-src 'self'); queries and mutations go over HTTP POST as
// before. Browsers cannot set headers on a WebSocket, so the JSON of
// GraphiQL's Headers editor travels as the connection_init payload, where the
// router reads Authorization — the same convention as GraphiQL's own
// createFetcher.
(function () {
  'use strict';
  var ns = (window.NexusGraphiQL = window.NexusGraphiQL || {});

  // wsURL is endpoint (a path or a URL) on the page's origin with the
  // WebSocket scheme matching the page's: wss for https, ws for http.
  function wsURL(endpoint, base) {
    var u = new URL(endpoint, base);
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    u.hash = '';
    return u.href;
  }

  // operationType is the type of the operation GraphiQL runs: the one
  // named, or the only one; null when the text does not say. It parses the
  // text sent rather than trusting GraphiQL's documentAST, which trails the
  // editor by a debounce and would send a just-typed subscription over
  // HTTP. Text that does not parse goes over HTTP, where the server reports
  // the syntax error.
  function operationType(query, operationName) {
    var doc;
    try {
      doc = GraphiQL.GraphQL.parse(query);
    } catch (e) {
      return null;
    }
    var ops = doc.definitions.filter(function (d) {
      return d.kind === 'OperationDefinition';
    });
    if (operationName) {
      ops = ops.filter(function (o) {
        return o.name && o.name.value === operationName;
      });
    }
    return ops.length === 1 ? ops[0].operation : null;
  }

  // closeMessage explains a closed socket; the codes are graphql-ws's.
  function closeMessage(ev) {
    var hints = {
      1006: 'the connection was lost (is the router running?)',
      4400: 'the router did not understand a message',
      4401: 'unauthorized: check the Authorization header in the Headers editor',
      4403: 'forbidden: check the Authorization header in the Headers editor',
      4408: 'the connection was not initialised in time',
      4429: 'too many initialisation requests'
    };
    var text = 'WebSocket closed with code ' + ev.code;
    if (ev.reason) text += ': ' + ev.reason;
    if (hints[ev.code]) text += ' (' + hints[ev.code] + ')';
    return text;
  }

  // subscribe runs one subscription on its own client and returns it as
  // an async iterator that is its own iterable, as GraphiQL needs: it asks
  // for the iterator twice, once to read results and once to stop them.
  // Results are kept in order until read; a GraphQL error from the server
  // is shown as a result ({errors}), a closed socket as an error. return()
  // (GraphiQL's stop button) completes the subscription on the server and
  // closes the socket.
  function subscribe(options, params, headers) {
    var client = graphqlWs.createClient({
      url: options.wsUrl,
      connectionParams: headers || {},
      lazy: true,
      lazyCloseTimeout: 0,
      // A silent reconnect would resubscribe without a cursor and skip the
      // events sent while the socket was down; the user decides instead.
      retryAttempts: 0,
      webSocketImpl: options.webSocketImpl
    });
    var queue = [];
    var reader = null;
    var done = false;
    var failure = null;

    function finish() {
      done = true;
      client.dispose();
      deliver();
    }
    function deliver() {
      if (!reader) return;
      var r = reader;
      if (queue.length) {
        reader = null;
        r.resolve({ value: queue.shift(), done: false });
      } else if (failure) {
        reader = null;
        r.reject(failure);
        failure = null;
      } else if (done) {
        reader = null;
        r.resolve({ value: undefined, done: true });
      }
    }

    var unsubscribe = client.subscribe(params, {
      next: function (result) {
        queue.push(result);
        deliver();
      },
      error: function (err) {
        if (Array.isArray(err)) {
          queue.push({ errors: err });
        } else if (err && typeof err.code === 'number') {
          failure = new Error(closeMessage(err));
        } else {
          failure = err instanceof Error ? err : new Error('WebSocket error: could not reach ' + options.wsUrl);
        }
        finish();
      },
      complete: finish
    });

    var iterator = {
      next: function () {
        return new Promise(function (resolve, reject) {
          reader = { resolve: resolve, reject: reject };
          deliver();
        });
      },
      return: function () {
        if (!done) {
          unsubscribe();
          queue.length = 0;
          failure = null;
          finish();
        }
        return Promise.resolve({ value: undefined, done: true });
      }
    };
    iterator[Symbol.asyncIterator] = function () {
      return iterator;
    };
    return iterator;
  }

  // createFetcher returns GraphiQL's fetcher for the endpoint. Options:
  // url (the endpoint, required), wsUrl (default: url on this origin with
  // ws: or wss:), webSocketImpl (default: the browser's WebSocket).
  ns.createFetcher = function (options) {
    var opts = {
      url: options.url,
      wsUrl: options.wsUrl || wsURL(options.url, window.location.href),
      webSocketImpl: options.webSocketImpl
    };
    var http = GraphiQL.createFetcher({ url: opts.url });
    return function (params, fetcherOpts) {
      var headers = fetcherOpts && fetcherOpts.headers;
      if (operationType(params.query, params.operationName) === 'subscription') {
        return subscribe(opts, params, headers);
      }
      return http(params, fetcherOpts);
    };
  };
  ns.wsURL = wsURL;
})();
