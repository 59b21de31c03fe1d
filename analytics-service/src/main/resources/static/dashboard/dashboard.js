// OneGrid dashboard: reads the analytics API and refreshes every 15 s. Chinese by default, English on request.
(function () {
    'use strict';
    const API = '/api/analytics';
    const REFRESH_MS = 15000;
    const TEXT = {
        zh: {
            title: '三亚网格治理数据看板', completion: '办结率', onTime: '按时办结率', satisfaction: '满意率',
            overdue: '超期未办结', received: '受理工单', trend: '每日工单趋势', byDistrict: '各区对比',
            byDepartment: '职能部门对比', league: '述职评议排名', rank: '名次', unit: '单位', score: '得分',
            updated: '更新于', switchTo: 'English', resolved: '办结', accepted: '受理',
            districts: {HT: '海棠区', JY: '吉阳区', TY: '天涯区', YZ: '崖州区', YC: '育才生态区', UNKNOWN: '未分类'}
        },
        en: {
            title: 'Sanya grid governance dashboard', completion: 'Completion rate', onTime: 'On-time rate',
            satisfaction: 'Satisfaction rate', overdue: 'Open overdue', received: 'Tickets received',
            trend: 'Tickets per day', byDistrict: 'Districts compared', byDepartment: 'Departments compared',
            league: 'Accountability league table', rank: 'Rank', unit: 'Unit', score: 'Score', updated: 'Updated',
            switchTo: '中文', resolved: 'Resolved', accepted: 'Accepted',
            districts: {HT: 'Haitang', JY: 'Jiyang', TY: 'Tianya', YZ: 'Yazhou', YC: 'Yucai', UNKNOWN: 'Unclassified'}
        }
    };
    let lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
    const charts = {};
    let last = null;

    function t(key) { return TEXT[lang][key]; }
    function unitName(code) { return TEXT[lang].districts[code] || code; }
    function percent(v) { return v === null || v === undefined ? '–' : Number(v).toFixed(2) + '%'; }

    async function get(path) {
        const response = await fetch(API + path, {headers: {Accept: 'application/json'}});
        if (!response.ok) { throw new Error(path + ': ' + response.status); }
        return response.json();
    }

    function applyLanguage() {
        document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
        document.title = 'OneGrid ' + t('title');
        document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
        document.getElementById('lang').textContent = t('switchTo');
        if (last) { render(last); }
    }

    function chart(id) {
        if (!charts[id]) { charts[id] = echarts.init(document.getElementById(id)); }
        return charts[id];
    }

    function bars(id, rows) {
        chart(id).setOption({
            animation: false, tooltip: {}, legend: {data: [t('completion'), t('satisfaction')]},
            xAxis: {type: 'category', data: rows.map(r => unitName(r.key))},
            yAxis: {type: 'value', max: 100},
            series: [
                {name: t('completion'), type: 'bar', data: rows.map(r => r.figures.completionRate)},
                {name: t('satisfaction'), type: 'bar', data: rows.map(r => r.figures.satisfactionRate)}
            ]
        }, true);
    }

    function render(data) {
        const all = data.overall.rows.length ? data.overall.rows[0].figures : null;
        document.getElementById('kpi-completion').textContent = percent(all && all.completionRate);
        document.getElementById('kpi-ontime').textContent = percent(all && all.solutionOnTimeRate);
        document.getElementById('kpi-satisfaction').textContent = percent(all && all.satisfactionRate);
        document.getElementById('kpi-overdue').textContent = all ? all.openOverdue : '–';
        document.getElementById('kpi-received').textContent = all ? all.received : '–';
        document.getElementById('updated').textContent = t('updated') + ' ' + new Date().toLocaleTimeString(
            lang === 'zh' ? 'zh-CN' : 'en-GB', {timeZone: 'Asia/Shanghai'});
        chart('chart-trend').setOption({
            animation: false, tooltip: {trigger: 'axis'}, legend: {data: [t('received'), t('resolved')]},
            xAxis: {type: 'category', data: data.trend.rows.map(r => r.period)},
            yAxis: {type: 'value'},
            series: [
                {name: t('received'), type: 'line', data: data.trend.rows.map(r => r.figures.received)},
                {name: t('resolved'), type: 'line', data: data.trend.rows.map(r => r.figures.resolved)}
            ]
        }, true);
        bars('chart-district', data.districts.rows);
        bars('chart-department', data.departments.rows);
        const body = document.querySelector('#league tbody');
        body.innerHTML = '';
        data.league.forEach(row => {
            const tr = document.createElement('tr');
            [row.rank, unitName(row.unit), row.score, percent(row.figures.completionRate),
                percent(row.figures.satisfactionRate)].forEach(v => {
                const td = document.createElement('td');
                td.textContent = v;
                tr.appendChild(td);
            });
            body.appendChild(tr);
        });
        document.body.dataset.loaded = 'true';
    }

    async function refresh() {
        try {
            const [overall, trend, districts, departments, league] = await Promise.all([
                get('/tickets/figures'), get('/tickets/figures?period=DAY'), get('/tickets/figures?groupBy=DISTRICT'),
                get('/tickets/figures?groupBy=DEPARTMENT'), get('/league?by=DISTRICT')]);
            last = {overall, trend, districts, departments, league};
            render(last);
        } catch (e) {
            document.getElementById('updated').textContent = '⚠ ' + e.message;
        }
    }

    document.getElementById('lang').addEventListener('click', () => {
        lang = lang === 'zh' ? 'en' : 'zh';
        applyLanguage();
    });
    window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
    applyLanguage();
    refresh();
    setInterval(refresh, REFRESH_MS);
})();
