/*
 * The dashboard: pages drawn from the API's read side with the signed-in session. Every page takes the "as of"
 * date, which every read passes on as asOf (the end of that day in Vietnam); the API rebuilds the views as they
 * stood then. Text goes into the page as text, never as markup.
 */
(function () {
  const { t, apply, toggle, cookie, language, provinces, chooseProvince } = window.OCOP_I18N;
  const AS_OF_KEY = 'ocop.asOf';
  const page = document.getElementById('page');
  const charts = [];

  /* ---------- building blocks ---------- */

  function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (name.startsWith('on')) {
        element.addEventListener(name.substring(2), value);
      } else {
        element.setAttribute(name, value === true ? '' : value);
      }
    });
    children.flat(Infinity).forEach(child => {
      if (child !== null && child !== undefined && child !== false) {
        element.append(child instanceof Node ? child : String(child));
      }
    });
    return element;
  }

  function section(titleKey, ...content) {
    const id = 'h-' + titleKey.replace(/\W/g, '-');
    return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, t(titleKey)), ...content);
  }

  function table(caption, columns, rows, rowOf) {
    return h('div', { class: 'table-wrap' }, h('table', {},
      caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
      h('thead', {}, h('tr', {}, columns.map(column => h('th', { scope: 'col', class: column.numeric ? 'num' : null },
        t(column.label))))),
      h('tbody', {}, rows.map(row => h('tr', {}, rowOf(row).map((cell, i) =>
        h('td', { class: columns[i].numeric ? 'num' : null }, cell)))))));
  }

  function card(labelKey, value, id) {
    return h('div', { class: 'card figure', id }, h('span', { class: 'figure-value' }, number(value)),
      h('span', { class: 'figure-label' }, t(labelKey)));
  }

  function locale() {
    return language() === 'vi' ? 'vi-VN' : 'en-GB';
  }

  function number(value) {
    return value === null || value === undefined ? '—' : new Intl.NumberFormat(locale()).format(value);
  }

  /** Large numbers shortened for an axis: 25 Tr (triệu) in Vietnamese, 25M in English. */
  function compact(value) {
    return new Intl.NumberFormat(locale(), { notation: 'compact', maximumFractionDigits: 1 }).format(value);
  }

  /** Đồng with thousands separators: 1.234.567 đ in Vietnamese, 1,234,567 VND in English. */
  function money(value) {
    return value === null || value === undefined ? '—'
      : number(value) + (language() === 'vi' ? ' đ' : ' VND');
  }

  /** dd/MM/yyyy for a business date (yyyy-MM-dd) or an instant. */
  function date(value) {
    if (!value) {
      return '—';
    }
    const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(value + 'T00:00:00Z') : new Date(value);
    const options = { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'UTC' : 'Asia/Ho_Chi_Minh' };
    return new Intl.DateTimeFormat('en-GB', options).format(day);
  }

  function dateTime(value) {
    return date(value) + ' ' + new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit',
      timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(value));
  }

  function stars(count) {
    return count ? '★'.repeat(count) : '—';
  }

  function groupName(code) {
    const index = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6 }[code] || code;
    const key = 'group.' + index;
    return t(key) === key ? code : code + ' · ' + t(key);
  }

  function label(prefix, value) {
    if (value === null || value === undefined) {
      return '—';
    }
    const key = prefix + '.' + value;
    return t(key) === key ? value : t(key);
  }

  /* ---------- the "as of" date and the API ---------- */

  function today() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  }

  function asOfDate() {
    const chosen = sessionStorage.getItem(AS_OF_KEY);
    return chosen && chosen < today() ? chosen : null;
  }

  /** The instant that ends the chosen day in Vietnam (UTC+7), or null for now. */
  function asOfInstant() {
    const chosen = asOfDate();
    return chosen ? new Date(chosen + 'T23:59:59.999+07:00').toISOString() : null;
  }

  function query(parameters) {
    const search = new URLSearchParams();
    Object.entries(parameters || {}).forEach(([name, value]) => {
      if (value !== null && value !== undefined && value !== '') {
        search.set(name, value);
      }
    });
    const text = search.toString();
    return text ? '?' + text : '';
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super(problem && (language() === 'vi' ? problem.detailVi || problem.detail : problem.detail) || String(status));
      this.status = status;
      this.problem = problem || {};
    }
  }

  async function api(path, parameters, options) {
    const withTime = Object.assign({}, parameters);
    if (!(options && options.present)) {
      withTime.asOf = asOfInstant();
    }
    const response = await fetch(path + query(withTime), { headers: { Accept: 'application/json' },
      credentials: 'same-origin' });
    if (response.status === 401) {
      location.assign('/ui/login.html?expired');
      throw new ApiError(401, null);
    }
    const body = response.headers.get('Content-Type') && response.headers.get('Content-Type').includes('json')
      ? await response.json() : null;
    if (!response.ok) {
      throw new ApiError(response.status, body);
    }
    return body;
  }

  /** What a page may show of a read its role may not make: nothing, instead of failing the page. */
  async function optional(promise) {
    try {
      return await promise;
    } catch (error) {
      if (error.status === 403 || error.status === 404) {
        return null;
      }
      throw error;
    }
  }

  let units = null;

  /** The province the pages show: the one chosen in the switch, or the deployment's only one. */
  async function province() {
    const { chosen } = await provinces();
    return chosen || null;
  }

  /** The chosen province's code as the dashboards' parameter. */
  async function inProvince(parameters) {
    const chosen = await province();
    return Object.assign({}, parameters, chosen ? { province: chosen.code } : {});
  }

  /** The district-level units and their communes (names by code, old and new), read once per page load. */
  async function administrativeUnits() {
    if (!units) {
      const where = await inProvince({});
      const [districts, current] = await Promise.all([
        optional(api('/api/dashboard/districts', where, { present: true })),
        optional(api('/api/dashboard/units', where, { present: true }))]).then(both => both.map(one => one || []));
      const communes = {};
      districts.forEach(district => (district.communes || []).forEach(commune => {
        communes[commune.communeCode] = commune.communeName;
      }));
      current.forEach(unit => { if (!communes[unit.districtCode]) { communes[unit.districtCode] = unit.districtName; } });
      units = { districts, communeName: code => communes[code] || code };
    }
    return units;
  }

  /* ---------- charts ---------- */

  function chart(id, titleKey, option, height) {
    const holder = h('div', { id, class: 'chart', role: 'img', 'aria-label': t(titleKey),
      style: 'height:' + (height || 280) + 'px' });
    const figure = h('figure', { class: 'panel chart-panel' }, h('figcaption', {}, t(titleKey)), holder);
    requestAnimationFrame(() => {
      if (!window.echarts) {
        return;
      }
      const instance = window.echarts.init(holder, null, { renderer: 'canvas' });
      instance.on('finished', () => holder.setAttribute('data-rendered', 'true'));
      instance.setOption(Object.assign({ animation: false, textStyle: { fontFamily: 'inherit' } }, option));
      charts.push(instance);
    });
    return figure;
  }

  function barOption(categories, series, horizontal) {
    const categoryAxis = { type: 'category', data: categories, axisLabel: { interval: 0, width: 110, overflow: 'truncate' } };
    const valueAxis = { type: 'value', minInterval: 1, axisLabel: { formatter: compact } };
    return {
      color: ['#0b6e4f', '#f6a623', '#3d7dd8'],
      tooltip: { trigger: 'axis' },
      legend: series.length > 1 ? { top: 0 } : undefined,
      grid: { left: horizontal ? 140 : 60, right: 30, top: series.length > 1 ? 30 : 10, bottom: 40 },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: series.map(one => ({ type: 'bar', name: one.name, data: one.data, label: { show: series.length === 1,
        position: horizontal ? 'right' : 'top' } }))
    };
  }

  function disposeCharts() {
    while (charts.length) {
      charts.pop().dispose();
    }
  }

  window.addEventListener('resize', () => charts.forEach(instance => instance.resize()));

  /* ---------- pages ---------- */

  async function overview() {
    const [figures, plans, activity] = await Promise.all([
      api('/api/dashboard/overview', await inProvince({})),
      optional(api('/api/dashboard/targets')),
      optional(api('/api/activity', { limit: 200 }, { present: true }))]);
    const products = figures.products;
    const starKeys = [3, 4, 5];
    const groups = Object.keys(products.inForceByGroup).sort();
    const legalForms = Object.keys(figures.subjects.byLegalForm);
    const sources = Object.keys(figures.support.bySource);
    const instant = asOfInstant();
    const recent = (activity || []).filter(entry => !instant || entry.recordedAt <= instant).slice(0, 12);
    return [
      h('h1', {}, t('overview.title')),
      h('div', { class: 'figures', id: 'headline' },
        card('overview.registered', products.registered, 'figure-registered'),
        card('overview.inForce', products.inForce, 'figure-in-force'),
        card('overview.keyProducts', products.keyProducts),
        card('overview.provincial', products.provincialLevel),
        card('overview.subjects', figures.subjects.total),
        card('overview.expiring', figures.certificates.expiringWithin90Days)),
      h('div', { class: 'grid' },
        chart('chart-stars', 'overview.byStars', barOption(starKeys.map(n => t('stars', { n })),
          [{ name: t('count'), data: starKeys.map(n => products.inForceByStars[n] || 0) }])),
        chart('chart-groups', 'overview.byGroup', {
          color: ['#0b6e4f', '#f6a623', '#3d7dd8', '#c8553d', '#8e6c8a', '#5b8c5a'],
          tooltip: { trigger: 'item' }, legend: { bottom: 0, type: 'scroll' },
          series: [{ type: 'pie', radius: ['35%', '65%'], label: { formatter: '{c}' },
            data: groups.map(code => ({ name: groupName(code), value: products.inForceByGroup[code] })) }]
        }),
        h('div', {},
          chart('chart-legal-forms', 'overview.legalForms', barOption(legalForms.map(form => label('legal', form)),
            [{ name: t('count'), data: legalForms.map(form => figures.subjects.byLegalForm[form]) }], true), 240),
          h('ul', { class: 'targets', 'aria-label': t('overview.legalFormTargets') },
            h('li', { class: figures.subjects.cooperativeSharePercent >= 50 ? 'met' : 'missed' },
              t('overview.cooperativeShare', { value: number(figures.subjects.cooperativeSharePercent) })),
            h('li', { class: figures.subjects.enterpriseSharePercent >= 30 ? 'met' : 'missed' },
              t('overview.enterpriseShare', { value: number(figures.subjects.enterpriseSharePercent) })))),
        chart('chart-support', t('overview.support', { year: figures.support.fiscalYear }),
          Object.assign(barOption(sources.map(source => label('source', source)),
            ['allocated', 'committed', 'disbursed'].map(measure => ({ name: t('money.' + measure),
              data: sources.map(source => figures.support.bySource[source][measure]) }))),
          { tooltip: { trigger: 'axis', valueFormatter: money } }))),
      section('overview.plan', planProgress(plans)),
      section('overview.activity', activity === null ? h('p', {}, t('overview.activityHidden'))
        : h('ol', { class: 'activity' }, recent.map(entry => h('li', {},
          h('time', { datetime: entry.recordedAt }, dateTime(entry.recordedAt)), ' ',
          h('span', { class: 'event' }, entry.event), ' · ', entry.user || '—'))))
    ];
  }

  function planProgress(plans) {
    const list = Array.isArray(plans) ? plans : (plans ? [plans] : []);
    if (!list.length) {
      return h('p', {}, t('overview.noPlan'));
    }
    return list.map(plan => h('div', { class: 'plan' },
      h('h3', {}, plan.title + ' (' + plan.fromYear + '–' + plan.toYear + ')'),
      h('p', { class: 'muted' }, t('product.decision', { number: plan.decisionNumber || '—', date: date(plan.decidedOn) })),
      h('ul', { class: 'progress-list' }, (plan.progress || []).map(measure => {
        const id = 'measure-' + measure.measure.replace(/\W/g, '-');
        return h('li', {},
          h('label', { for: id }, measure.measure + ': ' + number(measure.achieved) + ' / ' + number(measure.target)
            + ' (' + number(measure.percent) + '%)'),
          h('progress', { id, max: Math.max(measure.target, 1), value: Math.min(measure.achieved, measure.target) }));
      }))));
  }

  /**
   * The district-level units as before 2025-07-01 (by=districts, the default), or the commune-level units in
   * force since (by=units), which gather every record under the unit that took its commune over.
   */
  async function districts(code, parameters) {
    const byUnits = parameters.by === 'units';
    const suffix = byUnits ? '?by=units' : '';
    const chosen = await province();
    const figures = await api(byUnits ? '/api/dashboard/units' : '/api/dashboard/districts', await inProvince({}));
    const former = chosen ? chosen.formerProvinces.map(one => one.name).join(', ') : '';
    if (code) {
      const district = figures.find(one => one.districtCode === code);
      if (!district) {
        return [h('p', {}, t('error.notFound'))];
      }
      return [
        h('p', {}, h('a', { href: '#/districts' + suffix }, t(byUnits ? 'districts.backUnits' : 'districts.back'))),
        h('h1', {}, t('districts.communes', { name: district.districtName })),
        byUnits ? h('p', { class: 'muted' }, t('districts.absorbedNote')) : null,
        table(null, [{ label: 'districts.commune' }, { label: 'col.registered', numeric: true },
          { label: 'col.inForce', numeric: true }, { label: 'col.subjects', numeric: true },
          { label: 'col.supported', numeric: true }], district.communes,
        commune => [(commune.communeName || '—') + ' (' + commune.communeCode + ')', number(commune.registered),
          number(commune.inForce), number(commune.subjects), number(commune.supportedProducts)])
      ];
    }
    const most = Math.max(1, ...figures.map(one => one.inForce));
    const link = one => '#/districts/' + one.districtCode + suffix;
    return [
      h('h1', {}, t(byUnits ? 'districts.titleUnits' : 'districts.title')),
      h('p', { class: 'muted' }, t(byUnits ? 'districts.noteUnits' : 'districts.note', { former }), ' ',
        h('a', { href: byUnits ? '#/districts' : '#/districts?by=units', id: 'grouping' },
          t(byUnits ? 'districts.switchDistricts' : 'districts.switchUnits'))),
      h('section', { class: 'panel', 'aria-label': t('districts.grid') },
        h('p', { class: 'muted' }, t('districts.grid')),
        h('ul', { class: byUnits ? 'tiles tiles-many' : 'tiles' }, figures.map(one => {
          const shade = 0.12 + 0.88 * one.inForce / most;
          return h('li', {}, h('a', { href: link(one), class: shade < 0.55 ? 'tile light' : 'tile',
            style: 'background-color: rgba(11, 110, 79, ' + shade.toFixed(2) + ')' },
          h('span', { class: 'tile-name' }, one.districtName),
          h('span', { class: 'tile-value' }, number(one.inForce))));
        }))),
      table(null, [{ label: byUnits ? 'districts.unit' : 'districts.district' }, { label: 'col.registered', numeric: true },
        { label: 'col.inForce', numeric: true }, { label: 'col.byStars', numeric: true }, { label: 'col.subjects', numeric: true },
        { label: 'col.supported', numeric: true }], figures,
      one => [h('a', { href: link(one) }, one.districtName), number(one.registered),
        number(one.inForce), [3, 4, 5].map(n => number(one.inForceByStars[n] || 0)).join(' / '),
        number(one.subjects), number(one.supportedProducts)]),
      byUnits ? h('p', { class: 'muted footnote', id: 'split-note' }, t('districts.splitNote')) : null
    ];
  }

  async function register(parameters) {
    const current = Object.assign({ page: '0' }, parameters);
    const [results, places] = await Promise.all([
      api('/api/products', { q: current.q, districtCode: current.district, groupCode: current.group,
        provinceCode: (await province() || {}).code,
        stars: current.stars, stage: current.stage, certificate: current.certificate, page: current.page, size: 20 }),
      administrativeUnits()]);
    const select = (name, labelKey, options) => h('div', { class: 'field' },
      h('label', { for: 'filter-' + name }, t(labelKey)),
      h('select', { id: 'filter-' + name, name },
        h('option', { value: '' }, t('register.any')),
        options.map(([value, text]) => h('option', { value, selected: current[name] === String(value) }, text))));
    const form = h('form', { class: 'filters', role: 'search', id: 'register-filters', onsubmit: event => {
      event.preventDefault();
      const chosen = {};
      new FormData(event.target).forEach((value, name) => { if (value) { chosen[name] = value; } });
      location.hash = '#/register' + query(chosen);
    } },
    h('div', { class: 'field wide' }, h('label', { for: 'filter-q' }, t('register.search')),
      h('input', { id: 'filter-q', name: 'q', type: 'search', value: current.q || '' })),
    select('district', 'register.district', places.districts.map(one => [one.districtCode, one.districtName])),
    select('group', 'register.group', ['1', '2', '3', '4', '5', '6'].map(code => [code, groupName(code)])),
    select('stars', 'register.stars', [3, 4, 5].map(n => [n, t('stars', { n })])),
    select('stage', 'register.stage', ['IDEA_REGISTERED', 'IDEA_ACCEPTED', 'PLAN_SUBMITTED', 'PLAN_APPROVED',
      'EVALUATED', 'RECOGNISED'].map(stage => [stage, label('stage', stage)])),
    select('certificate', 'register.certificate', ['IN_FORCE', 'VALID', 'EXPIRING', 'AWAITING_RE_EVALUATION', 'EXPIRED',
      'REVOKED'].map(status => [status, label('cert', status)])),
    h('button', { type: 'submit' }, t('register.apply')));
    const pages = Math.max(1, Math.ceil(results.total / results.size));
    const go = delta => '#/register' + query(Object.assign({}, current, { page: results.page + delta }));
    return [
      h('h1', {}, t('register.title')),
      form,
      h('p', { id: 'register-total', role: 'status' }, t('register.results', { total: number(results.total) })),
      results.items.length === 0 ? h('p', {}, t('register.none')) : table(t('register.title'),
        [{ label: 'col.name' }, { label: 'col.group' }, { label: 'col.commune' }, { label: 'col.stage' },
          { label: 'col.stars' }, { label: 'col.status' }, { label: 'col.expires' }], results.items,
        product => [h('a', { href: '#/products/' + product.productId, class: 'product-link' }, product.name),
          groupName(product.groupCode), places.communeName(product.communeCode), label('stage', product.stage),
          stars(product.stars),
          label('cert', product.certificateStatus), date(product.certificateExpiresOn)]),
      h('nav', { class: 'pager', 'aria-label': t('register.page', { page: results.page + 1, pages }) },
        results.page > 0 ? h('a', { href: go(-1), rel: 'prev' }, t('register.previous')) : h('span', {}),
        h('span', {}, t('register.page', { page: results.page + 1, pages })),
        results.page + 1 < pages ? h('a', { href: go(1), rel: 'next' }, t('register.next')) : h('span', {}))
    ];
  }

  async function product(id) {
    const [entry, evaluations, grants, timeline, places] = await Promise.all([
      api('/api/products/' + encodeURIComponent(id)),
      optional(api('/api/evaluations', { productId: id })),
      optional(api('/api/support-grants', { productId: id })),
      optional(api('/api/products/' + encodeURIComponent(id) + '/timeline')),
      administrativeUnits()]);
    const sheeted = evaluations ? evaluations.items.filter(one => one.memberSheets) : [];
    const sheets = await Promise.all(sheeted.map(one =>
      optional(api('/api/reference/criteria-sets/' + encodeURIComponent(one.productSetCode)))));
    const flags = [entry.keyProduct && 'product.flags.key', entry.provincialLevel && 'product.flags.provincial',
      entry.nominatedForFiveStars && 'product.flags.nominated'].filter(Boolean);
    return [
      h('p', {}, h('a', { href: '#/register' }, t('product.back'))),
      h('h1', { id: 'product-name' }, entry.name),
      h('p', { class: 'muted' }, groupName(entry.groupCode), ' · ', places.communeName(entry.communeCode), ' · ',
        t('product.registeredOn', { date: date(entry.registeredOn) }), ' · ', label('stage', entry.stage)),
      flags.length ? h('ul', { class: 'badges' }, flags.map(flag => h('li', {}, t(flag)))) : null,
      section('product.certificate', entry.certificateId
        ? h('div', { class: 'certificate', id: 'certificate' },
          h('p', { class: 'stars', 'aria-label': t('stars', { n: entry.stars }) }, stars(entry.stars)),
          h('p', {}, label('cert', entry.certificateStatus)),
          h('p', {}, t('product.decision', { number: entry.certificateDecisionNumber, date: date(entry.certificateDecidedOn) })),
          h('p', {}, t('product.expires', { date: date(entry.certificateExpiresOn) })))
        : h('p', {}, t('product.noCertificate'))),
      section('product.evaluations', !evaluations || !evaluations.items.length ? h('p', {}, t('product.noEvaluations'))
        : table(null, [{ label: 'col.date' }, { label: 'product.round' }, { label: 'product.level' },
          { label: 'product.score', numeric: true }, { label: 'col.stars' }], evaluations.items,
        one => [date(one.evaluatedOn), one.round, label('level', one.level), number(one.score), stars(one.stars)])),
      sheeted.length ? section('product.sheets', sheeted.map((one, i) => scoringSheet(one, sheets[i]))) : null,
      h('p', { class: 'muted', id: 'dossier-forms' }, t('product.forms'), ' ',
        h('a', { href: '/api/products/' + encodeURIComponent(id) + '/documents/self-assessment' }, t('product.form02')),
        ' · ', h('a', { href: '/api/products/' + encodeURIComponent(id) + '/documents/commune-report' },
          t('product.form03'))),
      section('product.support', !grants || !grants.items.length ? h('p', {}, t('product.noSupport'))
        : table(null, [{ label: 'col.date' }, { label: 'col.kind' }, { label: 'col.source' },
          { label: 'col.amount', numeric: true }, { label: 'money.disbursed', numeric: true }], grants.items,
        grant => [date(grant.grantedOn), label('kind', grant.kind), label('source', grant.source), money(grant.amount),
          money(grant.disbursed)])),
      section('product.timeline', h('ol', { class: 'timeline', id: 'timeline' }, (timeline || []).map(entry =>
        h('li', {}, h('time', { datetime: entry.recordedAt }, date(entry.effectiveOn || entry.recordedAt)), ' ',
          language() === 'vi' ? entry.lineVi : entry.lineEn))))
    ];
  }

  /**
   * An evaluation's scoring sheets: per criterion, each member's points, the council's answer and the minimum it
   * misses, as the service derives them; the criteria that held the rating below the score's band are marked.
   */
  function scoringSheet(evaluation, sheet) {
    const missed = Object.fromEntries((evaluation.minimumsNotMet || []).map(one => [one.criterion, one]));
    const held = (evaluation.cappedBy || []).length > 0;
    const capping = code => (evaluation.cappedBy || []).includes(code);
    const criteria = sheet ? sheet.criteria : Object.keys(evaluation.memberSheets[0].answers)
      .map(code => ({ code, name: '', options: [] }));
    const councilAnswer = criterion => {
      const chosen = evaluation.councilAnswers[criterion.code];
      const option = criterion.options[chosen.option];
      return (option ? option.text + ' — ' : '') + t('product.points', { n: chosen.points });
    };
    const documents = '/api/evaluations/' + encodeURIComponent(evaluation.evaluationId) + '/documents/';
    return h('figure', { class: 'scoring-sheet', 'data-evaluation': evaluation.evaluationId },
      h('figcaption', {}, t('product.sheetOf', { date: date(evaluation.evaluatedOn), round: evaluation.round || '' }),
        ' — ', sheet ? sheet.vi : evaluation.productSetCode),
      held ? h('p', { class: 'cap-note' }, t('product.heldAt', { stars: evaluation.minimumsMetUpTo,
        band: evaluation.scoreBand })) : null,
      h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('product.criterion')),
          evaluation.memberSheets.map((member, i) => h('th', { scope: 'col', class: 'num', title: member.member || '' },
            t('product.member', { n: i + 1 }))),
          h('th', { scope: 'col' }, t('product.councilAnswer')), h('th', { scope: 'col' }, t('product.minimumMissed')))),
        h('tbody', {}, criteria.map(criterion => h('tr', {
          class: capping(criterion.code) ? 'capping' : null, 'data-criterion': criterion.code },
        h('th', { scope: 'row' }, criterion.code + '. ' + criterion.name),
        evaluation.memberSheets.map(member => h('td', { class: 'num' }, member.answers[criterion.code].points)),
        h('td', {}, councilAnswer(criterion)),
        h('td', {}, missed[criterion.code] ? t('product.minimumOf', { stars: missed[criterion.code].stars,
          points: missed[criterion.code].required }) : '')))))),
      h('p', { class: 'muted' }, h('a', { href: documents + 'summary' }, t('product.summaryPdf')), ' · ',
        h('a', { href: documents + 'summary?format=xlsx' }, t('product.summaryXlsx')), ' · ',
        evaluation.memberSheets.map((member, i) => [i ? ', ' : '',
          h('a', { href: documents + 'member-sheets/' + (i + 1) }, t('product.memberSheet', { n: i + 1 }))])));
  }

  async function expiry() {
    const pipeline = await api('/api/dashboard/expiring', { withinDays: 90 });
    const rows = list => table(null, [{ label: 'col.name' }, { label: 'col.stars' }, { label: 'col.expires' },
      { label: 'expiry.notice' }, { label: 'col.status' }], list,
    one => [h('a', { href: '#/products/' + one.productId }, one.name), stars(one.stars),
      date(one.certificateExpiresOn), date(one.renewalNoticeOn || one.reEvaluationWindowOpensOn),
      label('cert', one.certificateStatus)]);
    return [
      h('h1', {}, t('expiry.title')),
      h('div', { class: 'figures' },
        card('expiry.due30', pipeline.dueWithin30Days), card('expiry.due60', pipeline.dueWithin60Days),
        card('expiry.due90', pipeline.dueWithin90Days), card('expiry.notices', pipeline.noticesDue),
        card('expiry.windows', pipeline.windowsOpen), card('expiry.awaiting', pipeline.awaitingReEvaluation),
        card('expiry.lapsed', pipeline.lapsed, 'figure-lapsed')),
      section('expiry.dueList', rows(pipeline.due)),
      section('expiry.awaitingList', rows(pipeline.awaiting))
    ];
  }

  async function support(parameters) {
    const year = parameters.year || (asOfDate() || today()).substring(0, 4);
    const [ledger, grants] = await Promise.all([
      api('/api/dashboard/support', { fiscalYear: year }),
      optional(api('/api/support-grants', { fiscalYear: year, size: 200 }))]);
    const sources = Object.keys(ledger.bySource);
    const kinds = Object.keys(ledger.byKind);
    const measures = ['allocated', 'committed', 'disbursed'];
    return [
      h('h1', {}, t('support.title')),
      h('form', { class: 'filters', onsubmit: event => {
        event.preventDefault();
        location.hash = '#/support' + query({ year: event.target.year.value });
      } }, h('div', { class: 'field' }, h('label', { for: 'support-year' }, t('support.year')),
        h('input', { id: 'support-year', name: 'year', type: 'number', min: 2018, max: 2100, value: year })),
      h('button', { type: 'submit' }, t('reports.show'))),
      section('support.lines', !ledger.lines.length ? h('p', {}, t('support.noLines'))
        : table(null, [{ label: 'col.source' }, { label: 'col.decision' }, { label: 'money.allocated', numeric: true },
          { label: 'money.committed', numeric: true }, { label: 'money.disbursed', numeric: true },
          { label: 'money.remaining', numeric: true }, { label: 'col.use' }], ledger.lines,
        line => [label('source', line.source), line.decisionNumber, money(line.allocated), money(line.committed),
          money(line.disbursed), money(line.remaining),
          h('span', {}, h('progress', { max: Math.max(line.allocated, 1), value: line.committed,
            'aria-label': t('money.committed') }), ' ', line.closed ? t('support.closed') : t('support.open'))])),
      h('div', { class: 'grid' },
        chart('chart-support-sources', 'support.bySource', Object.assign(barOption(sources.map(s => label('source', s)),
          measures.map(m => ({ name: t('money.' + m), data: sources.map(s => ledger.bySource[s][m]) }))),
        { tooltip: { trigger: 'axis', valueFormatter: money } })),
        chart('chart-support-kinds', 'support.byKind', Object.assign(barOption(kinds.map(k => label('kind', k)),
          measures.map(m => ({ name: t('money.' + m), data: kinds.map(k => ledger.byKind[k][m]) })), true),
        { tooltip: { trigger: 'axis', valueFormatter: money } }))),
      section('support.grants', !grants || !grants.items.length ? h('p', {}, t('support.noGrants'))
        : table(null, [{ label: 'col.date' }, { label: 'col.decision' }, { label: 'col.product' }, { label: 'col.kind' },
          { label: 'col.source' }, { label: 'col.amount', numeric: true }, { label: 'money.disbursed', numeric: true },
          { label: 'col.status' }], grants.items,
        grant => [date(grant.grantedOn), grant.decisionNumber,
          grant.productId ? h('a', { href: '#/products/' + grant.productId }, grant.productName || grant.productId) : '—',
          label('kind', grant.kind), label('source', grant.source), money(grant.amount), money(grant.disbursed),
          label('grant', grant.status)]))
    ];
  }

  /** Reads the CSV the API writes (RFC 4180: quoted fields, doubled quotes, a byte-order mark first). */
  function parseCsv(text) {
    const rows = [];
    let row = [];
    let field = '';
    let quoted = false;
    const source = text.replace(/^\uFEFF/, '');
    for (let i = 0; i < source.length; i++) {
      const c = source[i];
      if (quoted) {
        if (c === '"' && source[i + 1] === '"') {
          field += '"';
          i++;
        } else if (c === '"') {
          quoted = false;
        } else {
          field += c;
        }
      } else if (c === '"') {
        quoted = true;
      } else if (c === ',') {
        row.push(field);
        field = '';
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' && source[i + 1] === '\n') {
          i++;
        }
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
      } else {
        field += c;
      }
    }
    if (field || row.length) {
      row.push(field);
      rows.push(row);
    }
    return rows;
  }

  /** A review as the table its downloads hold (the official report's Vietnamese wording), read in the same form. */
  async function reviewTable(path, parameters, id) {
    const response = await fetch(path + query(Object.assign({}, parameters, { asOf: asOfInstant(), format: 'csv' })),
      { credentials: 'same-origin' });
    if (!response.ok) {
      const problem = await response.json().catch(() => null);
      throw new ApiError(response.status, problem);
    }
    const [header, ...rows] = parseCsv(await response.text());
    return h('div', { class: 'table-wrap', id }, h('table', { lang: 'vi' },
      h('thead', {}, h('tr', {}, header.map((name, i) => h('th', { scope: 'col', class: i === 2 ? 'num' : null }, name)))),
      h('tbody', {}, rows.map((row, index) => h('tr', {},
        h('th', { scope: 'row' }, index > 0 && rows[index - 1][0] === row[0] ? '' : row[0]),
        h('td', {}, row[1]), h('td', { class: 'num' }, /^-?\d+$/.test(row[2]) ? number(Number(row[2])) : row[2]))))));
  }

  async function reports(parameters) {
    const thisYear = Number((asOfDate() || today()).substring(0, 4));
    const year = parameters.year || String(thisYear);
    const from = parameters.from || '2021';
    const to = parameters.to || String(Math.max(Number(from), Math.min(thisYear, 2025)));
    const place = await inProvince({});
    const [annual, phase] = await Promise.all([
      reviewTable('/api/reports/annual-review', Object.assign({ year }, place), 'annual-review'),
      reviewTable('/api/reports/phase-summary', Object.assign({ from, to }, place), 'phase-summary')]);
    const download = (path, parameters, format, key, id) => h('a', { class: 'button', id,
      href: path + query(Object.assign({}, parameters, place, { asOf: asOfInstant(), format })), download: '' },
      t(key));
    const form = (fields, submit) => h('form', { class: 'filters', onsubmit: event => {
      event.preventDefault();
      const chosen = Object.assign({}, parameters);
      fields.forEach(([name]) => { chosen[name] = event.target[name].value; });
      location.hash = '#/reports' + query(chosen);
    } }, fields.map(([name, key, value]) => h('div', { class: 'field' },
      h('label', { for: 'report-' + name }, t(key)),
      h('input', { id: 'report-' + name, name, type: 'number', min: 2018, max: 2100, value }))),
    h('button', { type: 'submit' }, t('reports.show')), submit);
    return [
      h('h1', {}, t('reports.title')),
      section('reports.annual',
        form([['year', 'reports.year', year]], [
          download('/api/reports/annual-review', { year }, 'csv', 'reports.csv', 'annual-csv'),
          download('/api/reports/annual-review', { year }, 'xlsx', 'reports.xlsx', 'annual-xlsx')]),
        annual),
      section('reports.phase',
        form([['from', 'reports.from', from], ['to', 'reports.to', to]], [
          download('/api/reports/phase-summary', { from, to }, 'csv', 'reports.csv', 'phase-csv'),
          download('/api/reports/phase-summary', { from, to }, 'xlsx', 'reports.xlsx', 'phase-xlsx')]),
        h('details', {}, h('summary', {}, t('reports.phase') + ' ' + from + '–' + to), phase))
    ];
  }

  function passwordChange() {
    const message = h('p', { role: 'alert', class: 'message', hidden: true });
    return [
      h('h1', {}, t('password.title')),
      h('p', {}, t('password.lead')),
      message,
      h('form', { class: 'card narrow', onsubmit: async event => {
        event.preventDefault();
        const response = await fetch('/api/account/password', { method: 'POST', credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') },
          body: JSON.stringify({ currentPassword: event.target.current.value, newPassword: event.target.replacement.value }) });
        const body = response.ok ? null : await response.json().catch(() => ({}));
        message.hidden = false;
        if (response.ok) {
          message.textContent = t('password.done');
          setTimeout(() => location.assign('/ui/login.html'), 1500);
        } else {
          message.textContent = language() === 'vi' ? body.detailVi || body.detail : body.detail;
        }
      } },
      h('label', { for: 'current' }, t('password.current')),
      h('input', { id: 'current', name: 'current', type: 'password', autocomplete: 'current-password', required: true }),
      h('label', { for: 'replacement' }, t('password.new')),
      h('input', { id: 'replacement', name: 'replacement', type: 'password', autocomplete: 'new-password',
        minlength: 12, required: true }),
      h('button', { type: 'submit' }, t('password.submit')))
    ];
  }

  /* ---------- routing ---------- */

  const ROUTES = [
    [/^\/overview$/, () => overview(), 'overview'],
    [/^\/districts$/, (match, parameters) => districts(null, parameters), 'districts'],
    [/^\/districts\/([\w-]+)$/, (match, parameters) => districts(match[1], parameters), 'districts'],
    [/^\/register$/, (match, parameters) => register(parameters), 'register'],
    [/^\/products\/([\w-]+)$/, match => product(match[1]), 'register'],
    [/^\/expiry$/, () => expiry(), 'expiry'],
    [/^\/support$/, (match, parameters) => support(parameters), 'support'],
    [/^\/reports$/, (match, parameters) => reports(parameters), 'reports']
  ];

  let rendering = 0;

  async function render() {
    const ticket = ++rendering;
    const hash = location.hash.replace(/^#/, '') || '/overview';
    const [path, search] = hash.split('?');
    const parameters = Object.fromEntries(new URLSearchParams(search || ''));
    const route = ROUTES.find(([pattern]) => pattern.test(path)) || ROUTES[0];
    document.querySelectorAll('#nav a').forEach(link => {
      if (link.dataset.page === route[2]) {
        link.setAttribute('aria-current', 'page');
      } else {
        link.removeAttribute('aria-current');
      }
    });
    showAsOf();
    page.setAttribute('aria-busy', 'true');
    let content;
    try {
      content = await route[1](path.match(route[0]), parameters);
    } catch (error) {
      if (error.problem && error.problem.type && String(error.problem.type).endsWith('password-change-required')) {
        content = passwordChange();
      } else {
        content = [h('h1', {}, t('error.title')), h('p', { class: 'message', role: 'alert' },
          error.status === 403 ? t('error.forbidden') : error.status === 404 ? t('error.notFound') : error.message)];
      }
    }
    if (ticket !== rendering) {
      return;
    }
    disposeCharts();
    page.replaceChildren(...content.flat().filter(Boolean));
    page.setAttribute('aria-busy', 'false');
    page.dataset.page = route[2];
    page.dataset.asOf = asOfDate() || '';
    page.dataset.language = language();
    document.title = (page.querySelector('h1') ? page.querySelector('h1').textContent + ' — ' : '') + t('title');
  }

  function showAsOf() {
    const chosen = asOfDate();
    const input = document.getElementById('as-of');
    input.value = date(chosen || today());
    input.setCustomValidity('');
    const banner = document.getElementById('as-of-banner');
    banner.hidden = !chosen;
    banner.textContent = chosen ? t('asOf.banner', { date: date(chosen) }) : '';
    document.body.classList.toggle('in-the-past', Boolean(chosen));
  }

  async function signedIn() {
    try {
      const account = await api('/api/account', {}, { present: true });
      document.getElementById('account').textContent = account.username;
    } catch (error) {
      document.getElementById('account').textContent = '';
    }
  }

  /** dd/MM/yyyy typed by a person, as yyyy-MM-dd; null unless it names a real day. */
  function typedDate(text) {
    const parts = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
    if (!parts) {
      return null;
    }
    const iso = parts[3] + '-' + parts[2].padStart(2, '0') + '-' + parts[1].padStart(2, '0');
    const day = new Date(iso + 'T00:00:00Z');
    return !isNaN(day) && day.toISOString().startsWith(iso) ? iso : null;
  }

  document.getElementById('as-of-form').addEventListener('submit', event => {
    event.preventDefault();
    const input = document.getElementById('as-of');
    const chosen = typedDate(input.value);
    if (!chosen) {
      input.setCustomValidity(t('asOf.invalid'));
      input.reportValidity();
      return;
    }
    if (chosen < today()) {
      sessionStorage.setItem(AS_OF_KEY, chosen);
    } else {
      sessionStorage.removeItem(AS_OF_KEY);
    }
    render();
  });
  document.getElementById('as-of').addEventListener('input', event => event.target.setCustomValidity(''));
  document.getElementById('as-of-today').addEventListener('click', () => {
    sessionStorage.removeItem(AS_OF_KEY);
    render();
  });
  document.getElementById('language').addEventListener('click', () => {
    toggle();
    render();
  });
  document.getElementById('sign-out-form').addEventListener('submit', () => {
    document.getElementById('sign-out-csrf').value = cookie('XSRF-TOKEN');
  });
  window.addEventListener('hashchange', render);

  /** Where the deployment serves several provinces, a switch between them; the chosen one names the pages. */
  async function provinceSwitch() {
    const { served, chosen } = await provinces();
    apply();
    if (served.length < 2) {
      return;
    }
    const select = h('select', { id: 'province', onchange: event => chooseProvince(event.target.value).then(() => {
      units = null;
      apply();
      render();
    }) }, served.map(one => h('option', { value: one.code, selected: chosen && one.code === chosen.code },
      one.shortName)));
    document.querySelector('.controls').prepend(h('div', { class: 'province-switch' },
      h('label', { for: 'province', 'data-i18n': 'province.label' }, t('province.label')), select));
  }

  signedIn();
  provinceSwitch().then(render);
})();
