// Carries ?next= into the form and shows a failed sign-in.
const params = new URLSearchParams(location.search);
document.getElementById('next').value = params.get('next') || '/';
document.getElementById('login-error').hidden = !params.has('error');
