/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli/html/page.js - stepping through a `shmsim --html` page: one
 * section.step shown at a time, its id in the URL's fragment (#step-N),
 * keys and buttons as the header says (docs/html.md).
 */
(function () {
	'use strict';
	var steps = Array.prototype.slice.call(
		document.querySelectorAll('section.step'));
	var links = {};
	var cur = -1;
	var cursor = null;	/* the call `n` found last */

	Array.prototype.forEach.call(document.querySelectorAll('#list a'),
		function (a) { links[a.getAttribute('href').slice(1)] = a; });
	steps.forEach(function (s) {
		if (s.hasAttribute('data-fault') && links[s.id])
			links[s.id].classList.add('fault');
	});

	function say(text) {
		document.getElementById('msg').textContent = text;
	}

	function show(i, keep) {
		if (!steps.length)
			return;
		i = Math.max(0, Math.min(steps.length - 1, i));
		if (cur >= 0) {
			steps[cur].hidden = true;
			if (links[steps[cur].id])
				links[steps[cur].id].classList.remove('cur');
		}
		cur = i;
		steps[i].hidden = false;
		var a = links[steps[i].id];
		if (a) {
			a.classList.add('cur');
			a.scrollIntoView({ block: 'nearest' });
		}
		if (location.hash !== '#' + steps[i].id)
			history.replaceState(null, '', '#' + steps[i].id);
		document.getElementById('pos').textContent =
			steps[i].id.replace('step-', 'step ') + ' of ' +
			steps[steps.length - 1].id.replace('step-', '');
		if (!keep) {
			cursor = null;
			say('');
		}
	}

	function fromHash() {
		var id = location.hash.slice(1);
		for (var i = 0; i < steps.length; i++)
			if (steps[i].id === id)
				return show(i);
		show(cur < 0 ? 0 : cur);
	}

	function nextFault() {
		for (var i = cur + 1; i < steps.length; i++)
			if (steps[i].hasAttribute('data-fault'))
				return show(i);
		say('no page fault after this step');
	}

	/* the next call of the function named in the box, in trace order */
	function nextCall() {
		var name = document.getElementById('fn').value.trim();
		if (!name)
			return say('type a function\'s name first (/)');
		var from = cursor && steps[cur].contains(cursor) ?
			cursor : steps[cur];
		var calls = document.querySelectorAll('.trace .fn');
		for (var i = 0; i < calls.length; i++)
			if (calls[i].getAttribute('data-fn') === name &&
			    from.compareDocumentPosition(calls[i]) &
			    Node.DOCUMENT_POSITION_FOLLOWING)
				return found(calls[i]);
		say('no call of ' + name + ' after this one');
	}

	/* shows call c: its step, the calls it is in opened */
	function found(c) {
		var s = c.closest('section.step');
		if (cursor)
			cursor.parentNode.classList.remove('found');
		show(steps.indexOf(s), true);
		for (var d = c.parentNode; d && d !== s; d = d.parentNode)
			if (d.tagName === 'DETAILS')
				d.open = true;
		cursor = c;
		c.parentNode.classList.add('found');
		c.parentNode.scrollIntoView({ block: 'center' });
		say('');
	}

	function setDepth(v) {
		var box = document.getElementById('depth');
		v = Math.max(0, Math.min(99, v | 0));
		box.value = v;
		Array.prototype.forEach.call(
			document.querySelectorAll('.trace details'),
			function (d) {
				d.open = +d.getAttribute('data-depth') < v;
			});
	}

	function setFold(on) {
		document.getElementById('fold').checked = on;
		document.body.classList.toggle('unfold', !on);
		Array.prototype.forEach.call(document.querySelectorAll('.vfs'),
			function (d) {
				d.open = !on ||
					d.getAttribute('data-changed') !== '0';
			});
	}

	document.addEventListener('keydown', function (ev) {
		var t = ev.target;
		if (ev.ctrlKey || ev.altKey || ev.metaKey)
			return;
		if (t.tagName === 'INPUT') {
			if (t.id === 'fn' && ev.key === 'Enter') {
				nextCall();
				ev.preventDefault();
			} else if (ev.key === 'Escape') {
				t.blur();
			}
			return;
		}
		switch (ev.key) {
		case 'ArrowRight': show(cur + 1); break;
		case 'ArrowLeft': show(cur - 1); break;
		case 'Home': show(0); break;
		case 'End': show(steps.length - 1); break;
		case 'f': nextFault(); break;
		case 'n': nextCall(); break;
		case '/': document.getElementById('fn').focus(); break;
		case '+': setDepth(+document.getElementById('depth').value + 1);
			break;
		case '-': setDepth(+document.getElementById('depth').value - 1);
			break;
		case 'v': setFold(!document.getElementById('fold').checked);
			break;
		default: return;
		}
		ev.preventDefault();
	});
	document.getElementById('prev').onclick = function () {
		show(cur - 1);
	};
	document.getElementById('next').onclick = function () {
		show(cur + 1);
	};
	document.getElementById('fault').onclick = nextFault;
	document.getElementById('call').onclick = nextCall;
	document.getElementById('depth').onchange = function () {
		setDepth(this.value);
	};
	document.getElementById('fold').onchange = function () {
		setFold(this.checked);
	};
	/* a click on a picture shows it at its own size, or fits it again */
	document.addEventListener('click', function (ev) {
		var svg = ev.target.closest && ev.target.closest('.picture svg');
		if (svg)
			svg.closest('.picture').classList.toggle('zoom');
	});
	window.addEventListener('hashchange', fromHash);
	fromHash();
}());
