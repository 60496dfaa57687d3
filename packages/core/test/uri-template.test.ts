import { describe, expect, test } from 'vitest';
import type { UriTemplateMatch, UriTemplateVariables } from '../src/uri-template.js';
import { compileUriTemplate } from '../src/uri-template.js';

// RFC 6570 §3.2 example variables. Associative arrays (`keys`, `empty_keys`) are not supported.
const rfc: UriTemplateVariables = {
  count: ['one', 'two', 'three'],
  dom: ['example', 'com'],
  dub: 'me/too',
  hello: 'Hello World!',
  half: '50%',
  var: 'value',
  who: 'fred',
  base: 'http://example.com/home/',
  path: '/foo/bar',
  list: ['red', 'green', 'blue'],
  v: '6',
  x: '1024',
  y: '768',
  empty: '',
  undef: undefined,
};

describe('expand: RFC 6570 examples', () => {
  test.each([
    // §1.2 level 1
    ['{var}', 'value'],
    ['{hello}', 'Hello%20World%21'],
    // §1.2 level 2
    ['{+var}', 'value'],
    ['{+hello}', 'Hello%20World!'],
    ['{+path}/here', '/foo/bar/here'],
    ['here?ref={+path}', 'here?ref=/foo/bar'],
    ['X{#var}', 'X#value'],
    ['X{#hello}', 'X#Hello%20World!'],
    // §1.2 level 3
    ['map?{x,y}', 'map?1024,768'],
    ['{x,hello,y}', '1024,Hello%20World%21,768'],
    ['{+x,hello,y}', '1024,Hello%20World!,768'],
    ['{+path,x}/here', '/foo/bar,1024/here'],
    ['{#x,hello,y}', '#1024,Hello%20World!,768'],
    ['{#path,x}/here', '#/foo/bar,1024/here'],
    ['X{.var}', 'X.value'],
    ['X{.x,y}', 'X.1024.768'],
    ['{/var}', '/value'],
    ['{/var,x}/here', '/value/1024/here'],
    ['{;x,y}', ';x=1024;y=768'],
    ['{;x,y,empty}', ';x=1024;y=768;empty'],
    ['{?x,y}', '?x=1024&y=768'],
    ['{?x,y,empty}', '?x=1024&y=768&empty='],
    ['?fixed=yes{&x}', '?fixed=yes&x=1024'],
    ['{&x,y,empty}', '&x=1024&y=768&empty='],
    // §1.2 level 4
    ['{var:3}', 'val'],
    ['{var:30}', 'value'],
    ['{list}', 'red,green,blue'],
    ['{list*}', 'red,green,blue'],
    ['{+path:6}/here', '/foo/b/here'],
    ['{+list}', 'red,green,blue'],
    ['{+list*}', 'red,green,blue'],
    ['{#path:6}/here', '#/foo/b/here'],
    ['{#list}', '#red,green,blue'],
    ['{#list*}', '#red,green,blue'],
    ['X{.var:3}', 'X.val'],
    ['X{.list}', 'X.red,green,blue'],
    ['X{.list*}', 'X.red.green.blue'],
    ['{/var:1,var}', '/v/value'],
    ['{/list}', '/red,green,blue'],
    ['{/list*}', '/red/green/blue'],
    ['{/list*,path:4}', '/red/green/blue/%2Ffoo'],
    ['{;hello:5}', ';hello=Hello'],
    ['{;list}', ';list=red,green,blue'],
    ['{;list*}', ';list=red;list=green;list=blue'],
    ['{?var:3}', '?var=val'],
    ['{?list}', '?list=red,green,blue'],
    ['{?list*}', '?list=red&list=green&list=blue'],
    ['{&var:3}', '&var=val'],
    ['{&list}', '&list=red,green,blue'],
    ['{&list*}', '&list=red&list=green&list=blue'],
    // §3.2.1 – §3.2.9
    ['{count}', 'one,two,three'],
    ['{count*}', 'one,two,three'],
    ['{/count}', '/one,two,three'],
    ['{/count*}', '/one/two/three'],
    ['{;count}', ';count=one,two,three'],
    ['{;count*}', ';count=one;count=two;count=three'],
    ['{?count}', '?count=one,two,three'],
    ['{?count*}', '?count=one&count=two&count=three'],
    ['{&count*}', '&count=one&count=two&count=three'],
    ['{half}', '50%25'],
    ['O{empty}X', 'OX'],
    ['O{undef}X', 'OX'],
    ['?{x,empty}', '?1024,'],
    ['?{x,undef}', '?1024'],
    ['?{undef,y}', '?768'],
    ['{+half}', '50%25'],
    ['{base}index', 'http%3A%2F%2Fexample.com%2Fhome%2Findex'],
    ['{+base}index', 'http://example.com/home/index'],
    ['O{+empty}X', 'OX'],
    ['O{+undef}X', 'OX'],
    ['up{+path}{var}/here', 'up/foo/barvalue/here'],
    ['{#half}', '#50%25'],
    ['foo{#empty}', 'foo#'],
    ['foo{#undef}', 'foo'],
    ['{.who}', '.fred'],
    ['{.who,who}', '.fred.fred'],
    ['{.half,who}', '.50%25.fred'],
    ['www{.dom*}', 'www.example.com'],
    ['X{.empty}', 'X.'],
    ['X{.undef}', 'X'],
    ['{/who}', '/fred'],
    ['{/who,who}', '/fred/fred'],
    ['{/half,who}', '/50%25/fred'],
    ['{/who,dub}', '/fred/me%2Ftoo'],
    ['{/var,empty}', '/value/'],
    ['{/var,undef}', '/value'],
    ['{;who}', ';who=fred'],
    ['{;half}', ';half=50%25'],
    ['{;empty}', ';empty'],
    ['{;v,empty,who}', ';v=6;empty;who=fred'],
    ['{;v,bar,who}', ';v=6;who=fred'],
    ['{;x,y,undef}', ';x=1024;y=768'],
    ['{?who}', '?who=fred'],
    ['{?half}', '?half=50%25'],
    ['{?x,y,undef}', '?x=1024&y=768'],
    ['{&who}', '&who=fred'],
    ['{&half}', '&half=50%25'],
    ['{&x,y,undef}', '&x=1024&y=768'],
  ])('%s → %s', (template, expected) => {
    expect(compileUriTemplate(template).expand(rfc)).toBe(expected);
  });
});

describe('expand: beyond the RFC examples', () => {
  test.each<[string, UriTemplateVariables, string]>([
    ['{n}/{b}', { n: 42, b: true }, '42/true'],
    ['{q}', { q: 'café' }, 'caf%C3%A9'],
    ['{q}', { q: '😀' }, '%F0%9F%98%80'],
    ['{q}', { q: '\ud800' }, '%EF%BF%BD'],
    ['{q}', { q: "!'()*" }, '%21%27%28%29%2A'],
    ['{+q}', { q: 'a%20b%zz' }, 'a%20b%25zz'],
    ['{+q}', { q: '[::1]' }, '[::1]'],
    ['{q:2}', { q: 'é😀x' }, '%C3%A9%F0%9F%98%80'],
    ['{+q:2}', { q: '%20%21x' }, '%20%21'],
    ['{list:2}', { list: ['red', 'green'] }, 'red,green'],
    ['{?list}', { list: [] }, ''],
    ['{?empty*}', { empty: ['', 'a'] }, '?empty=&empty=a'],
    ['{;empty*}', { empty: ['', 'a'] }, ';empty;empty=a'],
    ['{constructor}{toString}', {}, ''],
    ['users://{id}/profile', { id: 'a/b' }, 'users://a%2Fb/profile'],
  ])('%s with %j → %s', (template, vars, expected) => {
    expect(compileUriTemplate(template).expand(vars)).toBe(expected);
  });
});

describe('compile', () => {
  test('exposes the template and its variable names in order, once each', () => {
    const t = compileUriTemplate('weather://{city}/forecast{?days,units}{&city}');
    expect(t.template).toBe('weather://{city}/forecast{?days,units}{&city}');
    expect(t.variables).toEqual(['city', 'days', 'units']);
    expect(compileUriTemplate('{a.b,c%20d*,e:3}').variables).toEqual(['a.b', 'c%20d', 'e']);
  });

  test.each([
    ['users://{id', 'unclosed "{" at position 8'],
    ['{a{b}', 'unclosed "{" at position 0'],
    ['x{}', 'empty expression at position 1'],
    ['{?}', 'empty expression at position 0'],
    ['{a-b}', 'invalid variable name "a-b" at position 0'],
    ['{a,}', 'invalid variable name "" at position 0'],
    ['{a.}', 'invalid variable name "a." at position 0'],
    ['{%2}', 'invalid variable name "%2" at position 0'],
    ['{ a}', 'invalid variable name " a" at position 0'],
    ['{x:3*}', 'invalid variable name "x:3" at position 0'],
    ['{x:0}', 'invalid prefix "x:0" at position 0'],
    ['{x:10000}', 'invalid prefix "x:10000" at position 0'],
    ['{x:}', 'invalid prefix "x:" at position 0'],
    ['{=x}', 'unsupported operator "=" at position 0'],
    ['a/{,x}', 'unsupported operator "," at position 2'],
    ['{!x}', 'unsupported operator "!" at position 0'],
    ['{@x}', 'unsupported operator "@" at position 0'],
    ['{|x}', 'unsupported operator "|" at position 0'],
    ['a}b', 'unexpected "}" at position 1'],
  ])('%j is rejected', (template, detail) => {
    let error: unknown;
    try {
      compileUriTemplate(template);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe(`Invalid URI template "${template}": ${detail}`);
  });
});

describe('match', () => {
  test.each<[string, string, UriTemplateMatch]>([
    ['users://{id}/profile', 'users://42/profile', { id: '42' }],
    ['users://{id}/profile', 'users://a,b/profile', { id: 'a,b' }],
    ['users://{id}/profile', 'users://a%2Fb/profile', { id: 'a/b' }],
    ['file:///{+path}', 'file:///home/ada/notes.md', { path: 'home/ada/notes.md' }],
    ['file:///{+path}', 'file:///a%20b/c?d#e', { path: 'a b/c?d#e' }],
    ['weather://{city}/forecast{?days,units}', 'weather://oslo/forecast', { city: 'oslo' }],
    [
      'weather://{city}/forecast{?days,units}',
      'weather://oslo/forecast?days=3&units=metric',
      { city: 'oslo', days: '3', units: 'metric' },
    ],
    [
      'weather://{city}/forecast{?days,units}',
      'weather://new%20york/forecast?units=si&lang=en&days=7&days=8',
      { city: 'new york', days: '7', units: 'si' },
    ],
    ['weather://{city}/forecast{?days,units}', 'weather://oslo/forecast?', { city: 'oslo' }],
    [
      'weather://{city}/forecast{?days}',
      'weather://oslo/forecast?days',
      { city: 'oslo', days: '' },
    ],
    [
      'repo://{owner}/{repo}/issues/{number}',
      'repo://mcpkit/core/issues/17',
      { owner: 'mcpkit', repo: 'core', number: '17' },
    ],
    ['search://{query}', 'search://hello%20world', { query: 'hello world' }],
    ['search://{query}', 'search://caf%C3%A9%2C%26%3F', { query: 'café,&?' }],
    ['search://{query}', 'search://a+b', { query: 'a+b' }],
    ['files://{/segments*}', 'files:///a/b%20c/d', { segments: ['a', 'b c', 'd'] }],
    ['files://{/segments*}', 'files://', {}],
    ['files://{/segments*}', 'files:///', { segments: [''] }],
    ['files://{/segments*}/raw', 'files:///a/b/raw', { segments: ['a', 'b'] }],
    ['files://{/segments*}/raw', 'files:///raw', {}],
    ['git://{+repo}/blob/{+path}', 'git://a/b/blob/c/blob/d', { repo: 'a/b', path: 'c/blob/d' }],
    ['docs://{name}.md', 'docs://v1.2.md', { name: 'v1.2' }],
    ['docs://{name}{.ext}', 'docs://readme.md', { name: 'readme', ext: 'md' }],
    ['docs://{name}{.ext}', 'docs://readme', { name: 'readme' }],
    ['{/path*}{.ext}', '/a/b.c', { path: ['a', 'b'], ext: 'c' }],
    ['{+path}{?q}', 'a/b?q=1', { path: 'a/b', q: '1' }],
    ['{+path}{#section}', 'a/b#intro', { path: 'a/b', section: 'intro' }],
    ['page{#section}', 'page#', { section: '' }],
    ['api{/version}/users/{id}', 'api/v2/users/7', { version: 'v2', id: '7' }],
    ['api{/version}/users/{id}', 'api/users/7', { id: '7' }],
    ['users{/id}/profile', 'users/42/profile', { id: '42' }],
    ['users{/id}/profile', 'users/profile', {}],
    [
      '/search?q={q}{&page,size}',
      '/search?q=mcp&size=10&page=2',
      { q: 'mcp', page: '2', size: '10' },
    ],
    ['/search?q={q}{&page,size}', '/search?q=mcp', { q: 'mcp' }],
    ['/items{?tag*}', '/items?tag=a&x=1&tag=b%20c', { tag: ['a', 'b c'] }],
    ['/items{?tag}{&sort}', '/items?sort=asc&tag=x', { tag: 'x', sort: 'asc' }],
    ['/items{?tag}{#frag}', '/items?tag=x#top', { tag: 'x', frag: 'top' }],
    ['/m{;x,y}', '/m;y=2;x=1', { x: '1', y: '2' }],
    ['/m{;list*}/end', '/m;list=a;list=b/end', { list: ['a', 'b'] }],
    ['/m{;x}', '/m;x', { x: '' }],
    ['/m{;x};y=1', '/m;y=1', {}],
    // The RFC examples read back, where the expansion is unambiguous.
    ['map?{x,y}', 'map?1024,768', { x: '1024', y: '768' }],
    ['{x,hello,y}', '1024,Hello%20World%21,768', { x: '1024', hello: 'Hello World!', y: '768' }],
    ['{+path,x}/here', '/foo/bar,1024/here', { path: '/foo/bar', x: '1024' }],
    ['{#path,x}/here', '#/foo/bar,1024/here', { path: '/foo/bar', x: '1024' }],
    ['X{.x,y}', 'X.1024.768', { x: '1024', y: '768' }],
    ['{/var,x}/here', '/value/1024/here', { var: 'value', x: '1024' }],
    ['{/var,empty}', '/value/', { var: 'value', empty: '' }],
    ['{;x,y,empty}', ';x=1024;y=768;empty', { x: '1024', y: '768', empty: '' }],
    ['{?x,y,empty}', '?x=1024&y=768&empty=', { x: '1024', y: '768', empty: '' }],
    ['?fixed=yes{&x}', '?fixed=yes&x=1024', { x: '1024' }],
    ['{list}', 'red,green,blue', { list: 'red,green,blue' }],
    ['{list*}', 'red,green,blue', { list: ['red', 'green', 'blue'] }],
    ['X{.list*}', 'X.red.green.blue', { list: ['red', 'green', 'blue'] }],
    ['{;list*}', ';list=red;list=green;list=blue', { list: ['red', 'green', 'blue'] }],
    ['{?list*}', '?list=red&list=green&list=blue', { list: ['red', 'green', 'blue'] }],
    ['www{.dom*}', 'www.example.com', { dom: ['example', 'com'] }],
    ['{__proto__}', 'x', { ['__proto__']: 'x' }],
    ['', '', {}],
    ['plain://text', 'plain://text', {}],
  ])('%s ~ %s', (template, uri, expected) => {
    const result = compileUriTemplate(template).match(uri);
    expect(result).toEqual(expected);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  test('a variable named __proto__ is an own key, not a prototype', () => {
    const result = compileUriTemplate('{__proto__}').match('x')!;
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
  });

  test.each([
    ['users://{id}/profile', 'users://42/profile/extra'],
    ['users://{id}/profile', 'users:///profile'],
    ['users://{id}/profile', 'users://a/b/profile'],
    ['users://{id}/profile', 'users://42?x=1/profile'],
    ['users://{id}/profile', 'posts://42/profile'],
    ['users://{id}/profile', 'users://42/Profile'],
    ['file:///{+path}', 'file:///'],
    ['file:///{+path}', 'file://'],
    ['weather://{city}/forecast{?days,units}', 'weather://oslo/forecast/x?days=3'],
    ['weather://{city}/forecast{?days,units}', 'weather://oslo/forecastXYZ'],
    ['repo://{owner}/{repo}/issues/{number}', 'repo://mcpkit/issues/17'],
    ['repo://{owner}/{repo}/issues/{number}', 'repo://mcpkit/core/issues/17/comments'],
    ['search://{query}', 'search://'],
    ['search://{query}', 'search://100%'],
    ['search://{query}', 'search://%E0%A4%A'],
    ['search://{query}', 'search://%C3%28'],
    ['search://{query}', 'search://a/b'],
    ['search://{query}', 'search://a#b'],
    ['/items{?tag}', '/items?tag=%ZZ'],
    ['/m{;x}', '/m;x=%'],
    ['files://{/segments*}', 'files:///a/%G0'],
    // No backtracking: {+a} stops at the first "/x/", then {b} cannot take "q/x/r".
    ['{+a}/x/{b}', 'p/x/q/x/r'],
    ['', 'x'],
  ])('%s does not match %s', (template, uri) => {
    expect(compileUriTemplate(template).match(uri)).toBeNull();
  });

  test.each<[string, UriTemplateVariables]>([
    ['users://{id}/profile', { id: 'ä/ b,c' }],
    ['file:///{+path}', { path: 'dir with space/ünïcode/x.txt' }],
    ['weather://{city}/forecast{?days,units}', { city: 'São Paulo', days: '3', units: 'a&b=c' }],
    ['repo://{owner}/{repo}/issues/{number}', { owner: 'o', repo: 'r.s', number: 7 }],
    ['files://{/segments*}', { segments: ['a', 'b/c', ''] }],
    ['q{?list*}', { list: ['x y', '&', '='] }],
  ])('match(expand(v)) gives v back for %s', (template, vars) => {
    const t = compileUriTemplate(template);
    const expected = Object.fromEntries(
      Object.entries(vars).map(([k, v]) => [k, typeof v === 'object' ? v : String(v)]),
    );
    expect(t.match(t.expand(vars))).toEqual(expected);
  });
});

describe('match: hostile input stays linear', () => {
  const n = 100_000;
  // No timed assertion (benchmarks live in `pnpm bench`): a backtracking matcher
  // would not finish these inputs within the test timeout, so the tests still catch it.
  const within = <T>(run: () => T): T => run();

  test('a{x}a{y}a{z} against a run of "a"', () => {
    const result = within(() => compileUriTemplate('a{x}a{y}a{z}').match('a'.repeat(n)));
    expect(result).toEqual({ x: 'a', y: 'a', z: 'a'.repeat(n - 5) });
  });

  test('a{x}a{y}a{z}b against a run of "a" with no b', () => {
    const result = within(() => compileUriTemplate('a{x}a{y}a{z}b').match('a'.repeat(n)));
    expect(result).toBeNull();
  });

  test('{+a}/{+b}/{+c}/end against slashes', () => {
    const t = compileUriTemplate('{+a}/{+b}/{+c}/end');
    expect(within(() => t.match('x/'.repeat(n / 2)))).toBeNull();
    expect(within(() => t.match(`${'/'.repeat(n)}end`))).toEqual({
      a: '/',
      b: '/',
      c: '/'.repeat(n - 5),
    });
  });

  test('a long literal that almost occurs everywhere', () => {
    const t = compileUriTemplate(`{x}${'a'.repeat(19)}b{y}`);
    expect(within(() => t.match('a'.repeat(n)))).toBeNull();
    expect(within(() => t.match(`${'a'.repeat(n)}b!`))).toEqual({ x: 'a'.repeat(n - 19), y: '!' });
  });

  test('many segments, query pairs and bad escapes', () => {
    const segments = compileUriTemplate('files://{/segments*}');
    const found = within(() => segments.match(`files://${'/a'.repeat(n / 2)}`));
    expect(found?.segments).toHaveLength(n / 2);
    const query = compileUriTemplate('q://x{?a,b*}');
    const pairs = within(() => query.match(`q://x?${'a=1&b=2&'.repeat(n / 8)}`));
    expect(pairs?.a).toBe('1');
    expect(pairs?.b).toHaveLength(n / 8);
    expect(
      within(() => compileUriTemplate('search://{q}').match(`search://${'%'.repeat(n)}`)),
    ).toBeNull();
    expect(within(() => compileUriTemplate('{;x*}').match(';x=1'.repeat(n / 4)))).toEqual({
      x: Array.from({ length: n / 4 }, () => '1'),
    });
  });
});
